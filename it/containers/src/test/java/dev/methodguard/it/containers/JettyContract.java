package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jetty's answers where they are its own. */
abstract class JettyContract extends ContainerContract {
    JettyContract(Jetty jetty) {
        super(jetty);
    }

    /**
     * Jetty's etc/webdefault-ee1x.xml ends with a security constraint "Disable TRACE": the security
     * handler answers 403 with no body before any filter runs.
     */
    @Override
    void assertContainerRefusedTrace(Http.Response r) {
        assertEquals(403, r.status(), r::toString);
        assertEquals("", r.body());
    }

    /**
     * With Jetty's jsp module, webdefault's {@code jsp} servlet is JettyJspServlet, recognized by class
     * name (GET, HEAD, POST). Without it, Jetty puts its NoJspServlet in place (500 "JSP support not
     * configured" on GET): a plain HttpServlet with doGet, introspected.
     */
    @Override
    String jspRow() {
        return ((Jetty) container).jsp()
                ? "\\*\\.JSP .*\\*\\.xsp\\s+GET, HEAD, OPTIONS, POST\\s+container default"
                : "\\*\\.JSP .*\\*\\.xsp\\s+GET, HEAD, OPTIONS\\s+introspection";
    }

    /** The same WAR deployed again at {@code <ctx>-trace}, with webdefault minus its TRACE constraints (see {@link Jetty}). */
    @Override
    TraceTarget traceThrough(String ctx) {
        return new TraceTarget(container.port(), ctx + "-trace");
    }
}
