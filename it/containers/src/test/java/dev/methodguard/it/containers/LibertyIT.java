package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

/**
 * Open Liberty 26 with servlet-6.0 and pages-3.1 (Servlet 6.0). Static files and JSPs are served by
 * Liberty's extension processors, not by servlet registrations: MethodGuard's table has no default or
 * jsp row, and it judges those requests by their mapping (see the README).
 */
class LibertyIT extends ContainerContract {
    LibertyIT() {
        super(new Liberty("openliberty"));
    }

    /** Liberty's web container: 403 "Default implementation of TRACE not allowed", before any filter. */
    @Override
    void assertContainerRefusedTrace(Http.Response r) {
        assertEquals(403, r.status(), r::toString);
        assertTrue(r.body().contains("Default implementation of TRACE not allowed"), r::toString);
    }

    @Override
    String defaultRow() {
        return null;
    }

    @Override
    String jspRow() {
        return null;
    }

    /** Liberty's own servlet around its RESTEasy (feature restfulWS-3.1) for an {@code @ApplicationPath} application. */
    @Override
    String jakartaRestServlet() {
        return "com.ibm.websphere.jaxrs.server.IBMRestServlet";
    }

    /**
     * Liberty matches method names case-insensitively before any filter and hands the filter the
     * spelling it registered: {@code get} arrives as GET, so it is served like GET. Documented, not
     * MethodGuard's choice (methods are case-sensitive, RFC 9110 §9.1).
     */
    @Override
    void assertLowercaseGet(String ctx, Http.Response r, long helloRunsBefore) throws IOException {
        assertEquals(200, r.status(), r::toString);
        assertEquals("hello\n", r.body());
        assertEquals(helloRunsBefore + 1, count(ctx, "hello"));
    }

    /** Likewise {@code head} arrives as HEAD: served as HEAD (no body), the servlet runs. */
    @Override
    boolean headIsHead() {
        return true;
    }

    @Override
    void assertLowercaseHead(String ctx, Http.Response r, long itemsRunsBefore) throws IOException {
        assertEquals(200, r.status(), r::toString);
        assertEquals("", r.body());
        assertEquals(itemsRunsBefore + 1, count(ctx, "items"));
    }

    /**
     * Not set up here: Liberty's switch, {@code <webContainer enableTraceRequests="true"/>}, is server-wide,
     * so probing it would need a second server.
     */
    @Override
    TraceTarget traceThrough(String ctx) {
        return null;
    }
}
