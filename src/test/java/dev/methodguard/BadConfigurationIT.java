package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** A bad init-param stops a real Jetty from starting, with MethodGuard's message naming parameter and value. */
class BadConfigurationIT {
    /** The ServletException from init(), wherever Jetty wrapped it. */
    static ServletException initFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServletException se && se.getMessage() != null && se.getMessage().startsWith("MethodGuardFilter")) {
                return se;
            }
            for (Throwable s : c.getSuppressed()) {
                ServletException found = initFailure(s);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void anUnknownFormatStopsJettyWithAMessageNamingParameterAndValue() {
        TestServlets.GetPost servlet = new TestServlets.GetPost();
        Exception e = assertThrows(Exception.class, () -> TestJetty.app()
                .servlet("items", servlet, "/items/*")
                .filter(new MethodGuardFilter())
                .filterParam("format", "xml")
                .start()
                .close());
        ServletException cause = initFailure(e);
        assertTrue(cause != null, "no MethodGuard ServletException in " + e);
        assertEquals("MethodGuardFilter 'methodGuard': init-param 'format' = 'xml': not a format; accepted: json, problem", cause.getMessage());
        assertEquals(0, servlet.calls.get());
    }

    @Test
    void aMisspelledParameterStopsJetty() {
        Exception e = assertThrows(Exception.class, () -> TestJetty.app()
                .servlet("items", new TestServlets.GetPost(), "/items/*")
                .filter(new MethodGuardFilter())
                .filterParam("allow_trace", "true")
                .start()
                .close());
        ServletException cause = initFailure(e);
        assertTrue(cause != null, "no MethodGuard ServletException in " + e);
        assertTrue(cause.getMessage().contains("init-param 'allow_trace' = 'true': is not a MethodGuard parameter"), cause.getMessage());
    }

    @Test
    void anInvalidServletInitParamStopsJetty() {
        Exception e = assertThrows(Exception.class, () -> TestJetty.app()
                .servlet("orders", new TestServlets.Service(), "/orders/*")
                .servletParam("orders", "methodguard.allowed-methods", "GET;POST")
                .filter(new MethodGuardFilter())
                .start()
                .close());
        ServletException cause = initFailure(e);
        assertTrue(cause != null, "no MethodGuard ServletException in " + e);
        assertTrue(cause.getMessage().contains("servlet 'orders' init-param methodguard.allowed-methods = 'GET;POST'"), cause.getMessage());
    }
}
