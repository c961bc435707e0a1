package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a default installation gives away, over real sockets: TRACE, bodies, headers, logs. */
class SecurityDefaultsIT {
    /** Servlet names and classes a response must never reveal. */
    static final String SECRET_SERVLET = "internalBillingServlet";
    static final String SECRET_FRONT = "internalFrontController";

    static final TestServlets.GetPost introspected = new TestServlets.GetPost();
    static final TestServlets.AnnotatedService annotated = new TestServlets.AnnotatedService();
    static TestJetty json;
    static TestJetty problem;
    static TestJetty noFilter;
    static final TestServlets.GetPost unguardedServlet = new TestServlets.GetPost();

    @AllowedMethods("POST")
    static class PostOnly extends TestServlets.Service {
    }

    @BeforeAll
    static void start() throws Exception {
        json = TestJetty.app()
                .servlet(SECRET_SERVLET, introspected, "/billing/*")
                .servlet(SECRET_FRONT, annotated, "/front/*")
                .filter(new MethodGuardFilter())
                .start();
        problem = TestJetty.app()
                .servlet(SECRET_SERVLET, new TestServlets.GetPost(), "/billing/*")
                .servlet(SECRET_FRONT, new TestServlets.AnnotatedService(), "/front/*")
                .filter(new MethodGuardFilter())
                .servlet("postOnly", new PostOnly(), "/other/*")
                .filterParam("format", "problem")
                .start();
        noFilter = TestJetty.app().servlet(SECRET_SERVLET, unguardedServlet, "/billing/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        json.close();
        problem.close();
        noFilter.close();
    }

    @BeforeEach
    void reset() {
        introspected.calls.set(0);
        annotated.calls.set(0);
    }

    @Nested
    class TraceIsOffByDefault {
        @Test
        void withoutTheFilterTheInheritedDoTraceEchoesTheRequest() throws Exception {
            // The control experiment: HttpServlet.doTrace echoes request headers back.
            RawHttp.Response r = RawHttp.send(noFilter.port, "TRACE", "/billing/1", "X-Secret-Token: s3cr3t-value");
            assertEquals(200, r.status());
            assertTrue(r.body().contains("s3cr3t-value"), r.body());
        }

        @Test
        void traceOnAServletThatInheritsDoTraceIsRejectedWith405AndNotEchoed() throws Exception {
            RawHttp.Response r = RawHttp.send(json.port, "TRACE", "/billing/1", "X-Secret-Token: s3cr3t-value",
                    "Cookie: session=abcdef123456", "Authorization: Basic YWxpY2U6c2VjcmV0");
            assertEquals(405, r.status());
            assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
            for (String secret : List.of("s3cr3t", "X-Secret", "abcdef123456", "YWxpY2U6c2VjcmV0", "Cookie", "Authorization")) {
                assertFalse(r.body().contains(secret), "TRACE echoed " + secret + ": " + r.body());
            }
            assertEquals(0, introspected.calls.get());
        }

        @Test
        void traceOnAnAnnotatedServletIsRejectedToo() throws Exception {
            assertEquals(405, RawHttp.send(json.port, "TRACE", "/front/1").status());
            assertEquals(0, annotated.calls.get());
        }
    }

    /** Every rejection the filter can produce, in both formats. */
    static List<RawHttp.Response> allKindsOfRejection(TestJetty jetty) throws Exception {
        List<RawHttp.Response> out = new ArrayList<>();
        String longMethod = "X".repeat(200);
        String longPath = "/billing/" + "a".repeat(3000);
        for (String[] req : new String[][] {
                {"DELETE", "/billing/1"}, {"PUT", "/billing/1"}, {"TRACE", "/billing/1"}, {"FOO", "/billing/1"},
                {longMethod, "/billing/1"}, {"FOO", longPath}, {"PATCH", "/front/x%22y%27z%3C%3E%E2%80%A8"}, {"POST", "/front/1"},
                {"BREW", "/front/%C3%A9?q=%3Cscript%3E"}, {"get", "/front/1"}}) {
            out.add(RawHttp.send(jetty.port, req[0], req[1]));
        }
        return out;
    }

    @Nested
    class RejectionBodies {
        @Test
        void neverContainStackTracesClassNamesOrServletNames() throws Exception {
            List<RawHttp.Response> all = new ArrayList<>(allKindsOfRejection(json));
            all.addAll(allKindsOfRejection(problem));
            for (RawHttp.Response r : all) {
                assertTrue(r.status() == 405 || r.status() == 501, r.statusLine());
                String everything = r.headers() + "\n" + r.body();
                for (String forbidden : List.of(SECRET_SERVLET, SECRET_FRONT, "GetPost", "AnnotatedService", "TestServlets",
                        "dev.methodguard", "MethodGuard", "jakarta.", "org.eclipse", "java.", "Exception", "\tat ", ".java:",
                        "<script>")) {
                    assertFalse(everything.contains(forbidden), "'" + forbidden + "' in " + everything);
                }
                assertTrue(r.body().length() < 2048 + 1024, "body of " + r.body().length() + " characters");
            }
            assertEquals(0, introspected.calls.get() + annotated.calls.get());
        }

        @Test
        void carryNosniffNoStoreAndOurJsonContentType() throws Exception {
            for (RawHttp.Response r : allKindsOfRejection(json)) {
                assertEquals("nosniff", r.header("X-Content-Type-Options"), r.statusLine());
                assertEquals("no-store", r.header("Cache-Control"), r.statusLine());
                assertEquals("application/json", r.header("Content-Type"), r.statusLine());
            }
            for (RawHttp.Response r : allKindsOfRejection(problem)) {
                assertEquals("nosniff", r.header("X-Content-Type-Options"), r.statusLine());
                assertEquals("application/problem+json", r.header("Content-Type"), r.statusLine());
            }
        }

        @Test
        void aRejectedHeadCarriesTheSameHeadersAndNoBody() throws Exception {
            // HEAD is allowed wherever GET is; a servlet without GET rejects it like any method.
            RawHttp.Response r = RawHttp.send(problem.port, "HEAD", "/other/1");
            assertEquals(405, r.status(), r.statusLine());
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-store", r.header("Cache-Control"));
            assertEquals("application/problem+json", r.header("Content-Type"));
            assertEquals("POST", r.header("Allow").replace("OPTIONS, ", "").replace(", OPTIONS", ""));
            assertEquals("", r.body());
        }
    }

    @Nested
    class LogLines {
        @Test
        void controlCharactersInTheRequestCannotForgeALogLine() throws Exception {
            List<RawHttp.Response> responses = new ArrayList<>();
            List<LogRecord> records;
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.FINE)) {
                responses.add(RawHttp.send(json.port, "DELETE", "/billing/a%0D%0AINFO:%20forged%0Aline"));
                responses.add(RawHttp.send(json.port, "FOO", "/billing/%1B[31mred%07%00"));
                responses.add(RawHttp.send(json.port, "FOO", "/billing/%E2%80%A8split"));
                responses.add(RawHttp.send(json.port, "X".repeat(500), "/billing/1"));
                records = logs.records();
            }
            for (RawHttp.Response r : responses) {
                assertTrue(r.status() == 405 || r.status() == 501 || r.status() == 400, r.statusLine());
            }
            // Jetty refuses encoded CR, LF, ESC and NUL in paths (400) before any filter (LogInjectionTest hands
            // them to the filter directly); the U+2028 path and the 500-character method do reach it.
            assertEquals(501, responses.get(2).status(), responses.get(2).statusLine());
            assertEquals(501, responses.get(3).status(), responses.get(3).statusLine());
            long rejected = responses.stream().filter(r -> r.status() != 400).count();
            List<LogRecord> rejections = records.stream().filter(r -> r.getMessage().startsWith("rejected")).toList();
            assertEquals(rejected, rejections.size(), "one FINE line per rejection");
            SimpleFormatter formatter = new SimpleFormatter();
            for (LogRecord record : rejections) {
                String line = formatter.formatMessage(record);
                assertFalse(line.contains("\r") || line.contains("\n") || line.contains("\u2028") || line.contains("\u001b"),
                        "a control character in a log line: " + line);
                assertTrue(line.length() < 400, "a log line of " + line.length() + " characters");
            }
        }
    }
}
