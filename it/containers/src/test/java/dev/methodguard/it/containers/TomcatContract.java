package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Tomcat's answers where they are its own, and MethodGuard on the TRACE-enabled connector. */
abstract class TomcatContract extends ContainerContract {
    TomcatContract(Tomcat tomcat) {
        super(tomcat);
    }

    /** A Tomcat connector has allowTrace=false: Tomcat answers TRACE with its own HTML 405 before any filter. */
    @Override
    void assertContainerRefusedTrace(Http.Response r) {
        assertEquals(405, r.status(), r::toString);
        assertTrue(r.header("Content-Type").startsWith("text/html"), r::toString);
        assertTrue(r.body().contains("TRACE method is not allowed"), r::toString);
    }

    /** Jasper's JspServlet, recognized by class name: JSPs answer GET, HEAD and POST. */
    @Override
    String jspRow() {
        return "\\*\\.jsp \\*\\.jspx\\s+GET, HEAD, OPTIONS, POST\\s+container default";
    }

    /** The second connector, with allowTrace="true"; same deployment. */
    @Override
    TraceTarget traceThrough(String ctx) {
        return new TraceTarget(((Tomcat) container).tracePort(), ctx);
    }
}
