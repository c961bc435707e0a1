package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;

/** WildFly 39 (Undertow, Servlet 6.0), the standalone distribution. */
class WildFlyIT extends ContainerContract {
    WildFlyIT() {
        super(new WildFly("wildfly"));
    }

    /** Undertow's HTTP listener has {@code disallowed-methods="TRACE"}: 405, no Allow, no body, before any filter. */
    @Override
    void assertContainerRefusedTrace(Http.Response r) {
        assertEquals(405, r.status(), r::toString);
        assertNull(r.header("Allow"), r::toString);
        assertEquals("", r.body());
    }

    /** Undertow's DefaultServlet is registered as {@code default} with no mapping: Undertow falls back to it. */
    @Override
    String defaultRow() {
        return Pattern.quote(READ_ALLOW) + "\\s+container default";
    }

    /** JBoss's Jasper fork keeps the class name org.apache.jasper.servlet.JspServlet. */
    @Override
    String jspRow() {
        return "\\*\\.jsp \\*\\.jspx\\s+GET, HEAD, OPTIONS, POST\\s+container default";
    }

    /** RESTEasy's servlet, as WildFly registers it for an {@code @ApplicationPath} application without a web.xml servlet. */
    @Override
    String jakartaRestServlet() {
        return "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher";
    }

    /** The second Undertow listener, with {@code disallowed-methods=""}; same deployment. */
    @Override
    TraceTarget traceThrough(String ctx) {
        return new TraceTarget(((WildFly) container).tracePort(), ctx);
    }
}
