package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verb tampering (HTTP method tampering): a front controller that overrides {@code service()} runs
 * whatever method it is given, and a security constraint that lists methods protects only those. Any
 * other method is "uncovered" and, unless the application denies uncovered methods, the container lets
 * it through unauthenticated. MethodGuard closes that gap for a declared servlet: the servlet says it
 * supports GET only, so FOO, get, DELETE... are answered 405/501 before the servlet runs.
 *
 * <p>Real Jetty with its security handler (BASIC, one user) and a programmatic constraint
 * ({@code ServletRegistration.Dynamic.setServletSecurity}) requiring role "admin" for GET and POST only.
 * The servlet class carries the same constraint as {@code @ServletSecurity}: embedded Jetty's
 * ServletContextHandler does not process that annotation (the programmatic constraint is what Jetty
 * enforces), but MethodGuard reads it, which is how it learns that GET is constrained and HEAD is not.
 */
class VerbTamperingIT {
    static final String AUTH = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

    /** Overrides service(): would run any method. Declared GET-only for MethodGuard. */
    @AllowedMethods("GET")
    static class AdminController extends TestServlets.Counting {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }
    }

    /** What MethodGuard can see of the constraint below (a WAR would have it in web.xml or as this annotation). */
    @ServletSecurity(httpMethodConstraints = {@HttpMethodConstraint(value = "GET", rolesAllowed = "admin"),
            @HttpMethodConstraint(value = "POST", rolesAllowed = "admin")})
    static class GetAndPostProtectedController extends AdminController {
    }

    static final ServletSecurityElement GET_AND_POST_NEED_ADMIN = new ServletSecurityElement(
            new HttpConstraintElement(), // everything not listed below: no constraint (uncovered)
            List.of(new HttpMethodConstraintElement("GET", new HttpConstraintElement(TransportGuarantee.NONE, "admin")),
                    new HttpMethodConstraintElement("POST", new HttpConstraintElement(TransportGuarantee.NONE, "admin"))));

    static TestJetty guarded;
    static TestJetty unguarded;
    static AdminController guardedServlet = new GetAndPostProtectedController();
    static AdminController unguardedServlet = new GetAndPostProtectedController();
    static AdminController reportsServlet = new AdminController();

    static final ServletSecurityElement GET_HEAD_AND_POST_NEED_ADMIN = new ServletSecurityElement(
            new HttpConstraintElement(),
            List.of(new HttpMethodConstraintElement("GET", new HttpConstraintElement(TransportGuarantee.NONE, "admin")),
                    new HttpMethodConstraintElement("HEAD", new HttpConstraintElement(TransportGuarantee.NONE, "admin")),
                    new HttpMethodConstraintElement("POST", new HttpConstraintElement(TransportGuarantee.NONE, "admin"))));

    /** Jetty's WARN that the constraints leave methods uncovered: they do, on purpose; held back while Jetty starts. */
    static CapturedLogs uncoveredReports;

    @BeforeAll
    static void start() throws Exception {
        try (CapturedLogs logs = CapturedLogs.holdBackJetty(line -> line.contains("has uncovered HTTP methods"))) {
            uncoveredReports = logs;
            startJetty();
        }
    }

    static void startJetty() throws Exception {
        guarded = TestJetty.app()
                .servlet("admin", guardedServlet, "/admin/*")
                .servletSecurity("admin", GET_AND_POST_NEED_ADMIN)
                .servlet("reports", reportsServlet, "/reports/*")
                .servletSecurity("reports", GET_HEAD_AND_POST_NEED_ADMIN)
                .basicAuth("alice", "secret", "admin")
                .filter(new MethodGuardFilter())
                .start();
        unguarded = TestJetty.app()
                .servlet("admin", unguardedServlet, "/admin/*")
                .servletSecurity("admin", GET_AND_POST_NEED_ADMIN)
                .basicAuth("alice", "secret", "admin")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        guarded.close();
        unguarded.close();
    }

    @Test
    void jettyItselfReportsThePathsTheConstraintsLeaveUncovered() {
        assertTrue(uncoveredReports.jetty().contains("has uncovered HTTP methods for the following paths: [/admin/*]"),
                uncoveredReports::jetty);
    }

    @BeforeEach
    void reset() {
        guardedServlet.calls.set(0);
        reportsServlet.calls.set(0);
        unguardedServlet.calls.set(0);
    }

    @Nested
    class WithoutMethodGuardTheConstraintAloneIsBypassed {
        /** The control experiment: it proves the setup really has the hole MethodGuard is meant to close. */
        @Test
        void anUncoveredMethodReachesTheServiceOverridingServletUnauthenticated() throws Exception {
            assertEquals(401, RawHttp.send(unguarded.port, "GET", "/admin/users").status());
            RawHttp.Response r = RawHttp.send(unguarded.port, "FOO", "/admin/users");
            assertEquals(200, r.status());
            assertEquals("FOO ok", r.body());
            assertEquals(1, unguardedServlet.calls.get());
        }
    }

    @Nested
    class WithMethodGuardTamperedMethodsNeverReachTheServlet {
        @ParameterizedTest
        @ValueSource(strings = {"FOO", "get", "Get", "GET2", "DELETE", "PUT", "PATCH", "TRACE", "PROPFIND", "X-GET"})
        void anUncoveredMethodIsRejectedBeforeTheServlet(String method) throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, method, "/admin/users");
            assertFalse(r.status() < 300, method + " got " + r.statusLine());
            assertEquals(true, r.status() == 405 || r.status() == 501, method + " got " + r.statusLine());
            assertEquals(0, guardedServlet.calls.get(), method + " reached the servlet");
        }

        @Test
        void getWithAMethodOverrideHeaderIsStillAGetAndNeedsAuthentication() throws Exception {
            for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                RawHttp.Response r = RawHttp.send(guarded.port, "GET", "/admin/users", header + ": DELETE");
                assertEquals(401, r.status(), header);
            }
            assertEquals(0, guardedServlet.calls.get());
        }

        @Test
        void anUncoveredMethodWithAMethodOverrideHeaderIsRejectedAsItself() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "FOO", "/admin/users", "X-HTTP-Method-Override: GET");
            assertEquals(501, r.status());
            assertEquals(true, r.body().contains("\"method\":\"FOO\""), r.body());
            r = RawHttp.send(guarded.port, "POST", "/admin/users", "X-HTTP-Method-Override: DELETE", "Content-Length: 0");
            assertEquals(401, r.status());
            assertEquals(0, guardedServlet.calls.get());
        }

        @ParameterizedTest
        @ValueSource(strings = {"head", "Head", "HEAD\t", "OPTIONS", "options"})
        void headAndOptionsSpellingTricksDoNotReachTheServlet(String method) throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, method, "/admin/users");
            assertFalse(r.status() >= 500 && r.status() != 501, method + " got " + r.statusLine());
            assertFalse(r.body().contains(" ok"), method + " got a servlet body: " + r.body());
            assertEquals(0, guardedServlet.calls.get(), method + " reached the servlet");
        }

        @Test
        void headIsConstrainedWhenTheConstraintListsHeadToo() throws Exception {
            assertEquals(401, RawHttp.send(guarded.port, "HEAD", "/reports/1").status());
            assertEquals(401, RawHttp.send(guarded.port, "GET", "/reports/1").status());
            assertEquals(501, RawHttp.send(guarded.port, "FOO", "/reports/1").status());
            assertEquals(0, reportsServlet.calls.get());
        }
    }

    /**
     * HEAD tricks. A constraint on GET does not cover HEAD (Servlet 6 §13.8.1: each listed method is
     * constrained, every other one is uncovered), and a servlet that supports GET supports HEAD (RFC 9110
     * §9.3.2): the container never asks for credentials and the servlet would run its GET logic
     * unauthenticated. MethodGuard sees the constraint (@ServletSecurity or web.xml) and refuses HEAD on
     * that servlet altogether: it fails closed, and init() warns how to close the gap in the constraint.
     */
    @Nested
    class HeadBehindAConstraintOnGetOnly {
        @Test
        void anUnauthenticatedHeadIsRefusedWith405AndAnAllowWithoutHead() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "HEAD", "/admin/users");
            assertEquals(405, r.status(), r.statusLine());
            assertEquals("GET, OPTIONS", r.header("Allow"));
            assertEquals(0, guardedServlet.calls.get(), "HEAD ran the servlet unauthenticated");
        }

        @Test
        void anAuthenticatedHeadIsRefusedTooBecauseTheFilterCannotSeeWhoGetWouldAdmit() throws Exception {
            assertEquals(405, RawHttp.send(guarded.port, "HEAD", "/admin/users", AUTH).status());
            assertEquals(0, guardedServlet.calls.get());
        }

        @Test
        void withHeadInTheConstraintTooHeadWorksAgainForAuthenticatedUsers() throws Exception {
            assertEquals(401, RawHttp.send(guarded.port, "HEAD", "/reports/1").status());
            assertEquals(200, RawHttp.send(guarded.port, "HEAD", "/reports/1", AUTH).status());
            assertEquals(1, reportsServlet.calls.get());
        }
    }

    /** The container's constraint check runs before any filter: the order MethodGuard's documentation states. */
    @Nested
    class TheConstraintIsCheckedBeforeTheFilter {
        @Test
        void anUnauthenticatedPostThatTheFilterWouldRejectGets401FromTheContainerFirst() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "POST", "/admin/users", "Content-Length: 0");
            assertEquals(401, r.status());
            assertEquals(true, r.header("WWW-Authenticate") != null);
        }

        @Test
        void theSamePostAuthenticatedReachesTheFilterAndGetsItsRejection() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "POST", "/admin/users", "Content-Length: 0", AUTH);
            assertEquals(501, r.status());
            assertEquals("application/json", r.header("Content-Type"));
            assertEquals(0, guardedServlet.calls.get());
        }
    }

    @Nested
    class AuthenticatedRequestsStillWork {
        @Test
        void anAuthenticatedGetReachesTheServlet() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "GET", "/admin/users", AUTH);
            assertEquals(200, r.status());
            assertEquals(1, guardedServlet.calls.get());
        }

        @Test
        void anAuthenticatedDeleteIsStillRejectedBecauseTheServletDoesNotSupportIt() throws Exception {
            RawHttp.Response r = RawHttp.send(guarded.port, "DELETE", "/admin/users", AUTH);
            assertEquals(501, r.status());
            assertEquals(0, guardedServlet.calls.get());
        }
    }
}
