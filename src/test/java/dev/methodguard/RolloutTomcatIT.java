package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.filters.CorsFilter;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What an existing application already did must survive MethodGuard, side by side with the same Tomcat 11
 * application unguarded: a writable default servlet, a servlet that answers OPTIONS itself, and a CORS filter.
 */
class RolloutTomcatIT {
    static final AtomicInteger reportsRan = new AtomicInteger();

    /** Answers OPTIONS with RFC 5789's Accept-Patch, as a PATCH-capable resource should. */
    public static class Patchable extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("doc");
        }

        @Override
        protected void doOptions(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException, IOException {
            super.doOptions(req, resp); // HttpServlet's Allow, TRACE and all
            resp.setHeader("Accept-Patch", "application/merge-patch+json");
        }
    }

    /** Overrides service(): answers GET's body to anything, like the demo's reports servlet. */
    public static class Reports extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            reportsRan.incrementAndGet();
            resp.getWriter().print("report");
        }
    }

    private static TestTomcat writableFiles(Map<String, String> guard, Path root) throws Exception {
        return TestTomcat.start(guard, (tomcat, context, base) -> {
            context.setDocBase(root.toString());
            Wrapper w = Tomcat.addServlet(context, "default", new DefaultServlet());
            w.addInitParameter("readonly", "false");
            context.addServletMapping("/", "default");
        });
    }

    @Nested
    class AWritableDefaultServlet {
        @Test
        void keepsPutAndDeleteExactlyAsTomcatAloneServesThem() throws Exception {
            Path withGuard = Files.createTempDirectory("mg-files");
            Path alone = Files.createTempDirectory("mg-files");
            try (TestTomcat guarded = writableFiles(Map.of(), withGuard); TestTomcat plain = writableFiles(null, alone)) {
                for (TestTomcat t : new TestTomcat[] {plain, guarded}) {
                    assertEquals(201, RawHttp.sendBody(t.port(), "PUT", "/notes.txt", "hello").status(), "PUT creates");
                    assertEquals(200, RawHttp.send(t.port(), "GET", "/notes.txt").status());
                    assertEquals(204, RawHttp.sendBody(t.port(), "PUT", "/notes.txt", "hi").status(), "PUT replaces");
                    assertEquals(204, RawHttp.send(t.port(), "DELETE", "/notes.txt").status(), "DELETE removes");
                    assertEquals(404, RawHttp.send(t.port(), "GET", "/notes.txt").status());
                }
                RawHttp.Response options = RawHttp.send(guarded.port(), "OPTIONS", "/notes.txt");
                assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", options.header("Allow"));
                RawHttp.Response foo = RawHttp.send(guarded.port(), "FOO", "/notes.txt");
                assertEquals(501, foo.status());
                assertEquals("application/json", foo.header("Content-Type"));
            }
        }

        @Test
        void aReadOnlyOneStillRefusesAKnownWriteWith405AndAllow() throws Exception {
            try (TestTomcat t = TestTomcat.start(Map.of(), (tomcat, context, base) -> {
                Tomcat.addServlet(context, "default", new DefaultServlet());
                context.addServletMapping("/", "default");
                Tomcat.addServlet(context, "docs", new Patchable()).addInitParameter(InitParams.SERVLET_ALLOWED_METHODS, "GET, PUT");
                context.addServletMapping("/docs/*", "docs");
            })) {
                RawHttp.Response r = RawHttp.send(t.port(), "PUT", "/index.html");
                assertEquals(405, r.status(), "PUT is known (the docs servlet takes it), so 405, not 501");
                assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
            }
        }
    }

    @Nested
    class AServletThatAnswersOptionsItself {
        @Test
        void keepsItsAcceptPatchAndCarriesMethodGuardsAllowNotItsOwn() throws Exception {
            try (TestTomcat guarded = TestTomcat.start(Map.of("known-methods", "DELETE"), RolloutTomcatIT::patchable);
                 TestTomcat plain = TestTomcat.start(null, RolloutTomcatIT::patchable)) {
                RawHttp.Response alone = RawHttp.send(plain.port(), "OPTIONS", "/docs/1");
                assertEquals("application/merge-patch+json", alone.header("Accept-Patch"));
                assertTrue(alone.header("Allow") != null, "HttpServlet's own Allow");

                RawHttp.Response r = RawHttp.send(guarded.port(), "OPTIONS", "/docs/1");
                assertEquals(200, r.status());
                assertEquals("application/merge-patch+json", r.header("Accept-Patch"));
                assertEquals("GET, HEAD, OPTIONS", r.header("Allow"), "one Allow in the application: the same as in a 405");
                assertEquals("GET, HEAD, OPTIONS", RawHttp.send(guarded.port(), "DELETE", "/docs/1").header("Allow"));
            }
        }
    }

    private static void patchable(Tomcat tomcat, Context context, Path base) {
        Tomcat.addServlet(context, "docs", new Patchable());
        context.addServletMapping("/docs/*", "docs");
    }

    private static void reports(Tomcat tomcat, Context context, Path base) {
        Tomcat.addServlet(context, "reports", new Reports()).addInitParameter(InitParams.SERVLET_ALLOWED_METHODS, "GET");
        context.addServletMapping("/reports/*", "reports");
    }

    private static void corsFilter(Tomcat tomcat, Context context, Path base) {
        FilterDef def = new FilterDef();
        def.setFilterName("cors");
        def.setFilter(new CorsFilter());
        def.setFilterClass(CorsFilter.class.getName()); // what web.xml gives: MethodGuard recognizes the class by name
        def.addInitParameter("cors.allowed.origins", "http://app.test");
        def.addInitParameter("cors.allowed.methods", "GET,POST,PUT");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("cors");
        map.addURLPattern("/*");
        context.addFilterMap(map);
    }

    @Nested
    class CorsPreflights {
        private static final String[] PREFLIGHT = {"Origin: http://app.test", "Access-Control-Request-Method: PUT"};

        @Test
        void withNoCorsHandlerAreAnsweredLikeAPlainOptionsAndNeverRunAServletThatOnlyDeclaresGet() throws Exception {
            reportsRan.set(0);
            try (TestTomcat t = TestTomcat.start(Map.of(), RolloutTomcatIT::reports)) {
                RawHttp.Response r = RawHttp.send(t.port(), "OPTIONS", "/reports/1", PREFLIGHT);
                assertEquals(200, r.status());
                assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
                assertEquals("", r.body());
                assertEquals(0, reportsRan.get(), "the GET-only servlet must not run for a preflight");
            }
        }

        @Test
        void reachTomcatsCorsFilterMappedAfterMethodGuardAndTheServletStillNeverRuns() throws Exception {
            reportsRan.set(0);
            try (TestTomcat t = TestTomcat.start(Map.of(), RolloutTomcatIT::reports, RolloutTomcatIT::corsFilter)) {
                RawHttp.Response r = RawHttp.send(t.port(), "OPTIONS", "/reports/1", PREFLIGHT);
                assertEquals(200, r.status(), r.toString());
                assertEquals("http://app.test", r.header("Access-Control-Allow-Origin"));
                assertTrue(r.header("Access-Control-Allow-Methods").contains("PUT"), r.toString());
                assertEquals("GET, HEAD, OPTIONS", r.header("Allow"), "Allow, where it appears, is MethodGuard's");
                assertEquals(0, reportsRan.get());

                RawHttp.Response plain = RawHttp.send(t.port(), "OPTIONS", "/reports/1");
                assertEquals("GET, HEAD, OPTIONS", plain.header("Allow"));
                assertNull(plain.header("Access-Control-Allow-Origin"));
                assertEquals(0, reportsRan.get());
            }
        }

        @Test
        void withPreflightAnswerTheCorsFilterIsBypassed() throws Exception {
            try (TestTomcat t = TestTomcat.start(Map.of("preflight", "answer"), RolloutTomcatIT::reports, RolloutTomcatIT::corsFilter)) {
                RawHttp.Response r = RawHttp.send(t.port(), "OPTIONS", "/reports/1", PREFLIGHT);
                assertEquals(200, r.status());
                assertNull(r.header("Access-Control-Allow-Origin"));
                assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
            }
        }
    }

    @Nested
    class ReportOnly {
        private static final String TIMER = "methodguard-report-only-methodGuard";

        private Optional<Thread> timer() {
            return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(TIMER) && t.isAlive()).findFirst();
        }

        /**
         * Every request reaches the servlet as if MethodGuard were not there; what enforce mode would reject is
         * logged once per servlet, method and status; the log's timer thread lives exactly as long as the filter,
         * so Tomcat finds no thread of the application left when it stops the context.
         */
        @Test
        void passesEverythingOnLogsOnceAndLeavesNoThreadBehindWhenTomcatStops() throws Exception {
            Logger methodGuard = Logger.getLogger("dev.methodguard");
            Logger loader = Logger.getLogger("org.apache.catalina.loader");
            CapturedLogs heldOurs = CapturedLogs.holdBack(methodGuard, r -> true);
            CapturedLogs heldLeaks = CapturedLogs.holdBack(loader, r -> String.valueOf(r.getMessage()).contains("thread"));
            Thread running;
            try {
                try (TestTomcat t = TestTomcat.start(Map.of("mode", "report-only", "known-methods", "DELETE"), (tomcat, context, base) -> {
                    Tomcat.addServlet(context, "items", new TestServlets.GetPost());
                    context.addServletMapping("/items/*", "items");
                }); TestTomcat plain = TestTomcat.start(null, (tomcat, context, base) -> {
                    Tomcat.addServlet(context, "items", new TestServlets.GetPost());
                    context.addServletMapping("/items/*", "items");
                })) {
                    for (String method : List.of("GET", "DELETE", "DELETE", "FOO")) {
                        RawHttp.Response guarded = RawHttp.send(t.port(), method, "/items/1");
                        RawHttp.Response alone = RawHttp.send(plain.port(), method, "/items/1");
                        assertEquals(alone.status(), guarded.status(), method + ": Tomcat's own answer, not MethodGuard's");
                    }
                    running = timer().orElseThrow(() -> new AssertionError("no " + TIMER + " thread while the filter runs"));
                    assertTrue(running.isDaemon());
                }
                running.join(5_000);
            } finally {
                heldOurs.close();
                heldLeaks.close();
            }
            List<String> lines = heldOurs.records().stream().map(LogRecord::getMessage).filter(m -> m.contains("report-only:")).toList();
            assertEquals(List.of(), heldLeaks.records().stream().map(LogRecord::getMessage).toList(), "Tomcat found a thread left");
            assertFalse(running.isAlive(), "the timer outlived Tomcat's stop");
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("would answer 405 to DELETE on servlet 'items'"), lines.get(0));
            assertTrue(lines.get(1).contains("would answer 501 to FOO on servlet 'items'"), lines.get(1));
            assertTrue(lines.get(2).contains("1 more would-be rejections before the filter was taken out of service"), lines.get(2));
        }
    }
}
