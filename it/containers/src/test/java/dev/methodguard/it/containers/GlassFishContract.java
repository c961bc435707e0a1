package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** GlassFish and Payara: the same web container (Catalina's descendant) and Grizzly HTTP. */
abstract class GlassFishContract extends ContainerContract {
    GlassFishContract(GlassFish server) {
        super(server);
    }

    /**
     * The web container answers TRACE itself, before any filter: 405 "TRACE method is not allowed" with an
     * Allow header (of its own making) and no body.
     */
    @Override
    void assertContainerRefusedTrace(Http.Response r) {
        assertEquals(405, r.status(), r::toString);
        assertNotNull(r.header("Allow"), r::toString);
        assertEquals("", r.body());
    }

    /** GlassFish's Jakarta Pages engine (WaSP), org.glassfish.wasp.servlet.JspServlet, recognized by class name. */
    @Override
    String jspRow() {
        return "\\*\\.jsp \\*\\.jspx\\s+GET, HEAD, OPTIONS, POST\\s+container default";
    }

    /** Jersey's servlet, as GlassFish and Payara register it for an {@code @ApplicationPath} application. */
    @Override
    String jakartaRestServlet() {
        return "org.glassfish.jersey.servlet.ServletContainer";
    }

    /** The third HTTP listener, whose protocol has trace-enabled="true"; same deployment. */
    @Override
    TraceTarget traceThrough(String ctx) {
        return new TraceTarget(((GlassFish) container).tracePort(), ctx);
    }
}
