package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Report-only mode, committed responses and the application's error body: what a cautious rollout relies on. */
class RolloutTest {
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "FOO", "get", "head", "PROPFIND");
    private static final List<String> SERVLETS = List.of("items", "docs", "legacy", "Entry wrapper");

    private static final List<MethodGuardFilter> STARTED = new ArrayList<>();

    /** Report-only filters run a timer until destroyed; what they still sum up on the way out is not this test's. */
    @AfterEach
    void destroyTheFilters() {
        try (CapturedLogs ignored = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            STARTED.forEach(MethodGuardFilter::destroy);
        }
        STARTED.clear();
    }

    private static MethodGuardFilter start(Map<String, String> params) throws Exception {
        MethodGuardFilter filter = new MethodGuardFilter();
        STARTED.add(filter);
        filter.init(Fakes.config(Fakes.registrations()
                .add("items", TestServlets.GetPost.class, "/items/*")
                .add("docs", TestServlets.AnnotatedService.class, "/docs/*")
                .add("legacy", TestServlets.Service.class, "/legacy/*"), params));
        return filter;
    }

    static Fakes.Request request(String method, String servletName) {
        Fakes.Request req = new Fakes.Request(servletName, method, "/app/" + servletName + "/1");
        req.servletPath = "/" + servletName;
        return req;
    }

    /** What the filter did with one request: 0 when it passed it on, else the status it wrote. */
    private static int outcome(MethodGuardFilter filter, String method, String servlet) throws Exception {
        Fakes.Response res = new Fakes.Response();
        Fakes.Chain chain = new Fakes.Chain();
        filter.doFilter(request(method, servlet).proxy, res.proxy, chain);
        return chain.passed.size() == 1 ? 0 : res.status;
    }

    @Nested
    class ReportOnly {
        @Test
        void rejectsNothingAndCountsExactlyWhatEnforceRejectsByServletAndStatus() throws Exception {
            MethodGuardFilter enforce = start(Map.of());
            MethodGuardFilter report = start(Map.of("mode", "report-only"));
            Map<String, Long> expected405 = new LinkedHashMap<>();
            Map<String, Long> expected501 = new LinkedHashMap<>();
            int rejections = 0;
            try (CapturedLogs ignored = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                for (String servlet : SERVLETS) {
                    for (String method : METHODS) {
                        int e = outcome(enforce, method, servlet);
                        if (e == 405 || e == 501) {
                            rejections++;
                            String name = servlet.equals("Entry wrapper") ? CapabilityResolver.UNREGISTERED : servlet;
                            (e == 405 ? expected405 : expected501).merge(name, 1L, Long::sum);
                        }
                        if (method.equals("OPTIONS")) {
                            continue; // enforce answers OPTIONS itself (200); report-only passes it on
                        }
                        assertEquals(0, outcome(report, method, servlet), "report-only rejected " + method + " on " + servlet);
                    }
                }
            }
            assertTrue(rejections > 10, "the test set must contain rejections: " + rejections);
            assertEquals(expected405, report.metrics().getWouldReject405ByServlet());
            assertEquals(expected501, report.metrics().getWouldReject501ByServlet());
            assertEquals(expected405, enforce.metrics().getRejected405ByServlet());
            assertEquals(expected501, enforce.metrics().getRejected501ByServlet());
            assertEquals(0, report.metrics().getRejected405() + report.metrics().getRejected501(), "report-only wrote no rejection");
            assertEquals("report-only", report.metrics().getMode());
            assertTrue(report.metrics().policy().describe("/").startsWith("MethodGuard policy for context '/' (mode=report-only"));
        }

        @Test
        void optionsPassesOnUntouched() throws Exception {
            assertEquals(0, outcome(start(Map.of("mode", "report-only")), "OPTIONS", "items"));
        }

        @Test
        void logsOnceForEachServletMethodAndStatusNotOncePerRequest() throws Exception {
            MethodGuardFilter report = start(Map.of("mode", "report-only"));
            List<LogRecord> records;
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                for (int i = 0; i < 1000; i++) {
                    outcome(report, "DELETE", "items");
                    outcome(report, "FOO", "items");
                }
                report.destroy();
                records = logs.records();
            }
            List<String> lines = new ArrayList<>();
            for (LogRecord r : records) {
                lines.add(r.getMessage());
            }
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("would answer 405 to DELETE on servlet 'items'"), lines.get(0));
            assertTrue(lines.get(1).contains("would answer 501 to FOO on servlet 'items'"), lines.get(1));
            assertTrue(lines.get(2).startsWith("MethodGuard report-only: 1998 more would-be rejections before the filter was taken "
                    + "out of service were counted but not logged: 1998 of a servlet, method and status logged less than 60 s before, "
                    + "0 past the limit"), "destroy() sums up what was held back: " + lines.get(2));
            assertEquals(1000, report.metrics().getWouldReject405());
            assertEquals(1000, report.metrics().getWouldReject501());
        }

        @Test
        void anUnknownModeFailsInitNamingTheParameterAndWhatIsAccepted() {
            Exception e = assertThrows(jakarta.servlet.ServletException.class, () -> start(Map.of("mode", "dry-run")));
            assertEquals("MethodGuardFilter 'methodGuard': init-param 'mode' = 'dry-run': not a mode; accepted: enforce, report-only",
                    e.getMessage());
        }
    }

    @Nested
    class CommittedResponses {
        @Test
        void areNeitherWrittenOverNorPassedOnAndTheReasonIsLoggedOnce() throws Exception {
            MethodGuardFilter filter = start(Map.of());
            List<LogRecord> records;
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                for (int i = 0; i < 2; i++) {
                    Fakes.Response res = new Fakes.Response();
                    res.committed = true;
                    Fakes.Chain chain = new Fakes.Chain();
                    filter.doFilter(request("DELETE", "items").proxy, res.proxy, chain);
                    assertEquals(List.of("isCommitted[]"), res.calls.log, "nothing written over the committed response");
                    assertTrue(chain.passed.isEmpty());
                }
                records = logs.records();
            }
            assertEquals(1, records.size());
            assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().contains("already committed"), records.get(0).getMessage());
        }
    }

    /** An application's envelope: {"error":{"code":...,"allowed":[...]}}. */
    public static final class Envelope implements ErrorBodyFactory {
        @Override
        public Object body(Rejection r) {
            return Map.of("error", Map.of("code", r.status() == 405 ? "METHOD_NOT_ALLOWED" : "NOT_IMPLEMENTED",
                    "method", r.method(), "path", r.path(), "allowed", r.allowed()));
        }

        @Override
        public String contentType() {
            return "application/vnd.example.error+json";
        }
    }

    public static final class Throws implements ErrorBodyFactory {
        @Override
        public Object body(Rejection r) {
            throw new IllegalStateException("boom");
        }
    }

    public static final class ReturnsNull implements ErrorBodyFactory {
        @Override
        public Object body(Rejection r) {
            return null;
        }
    }

    @Nested
    class ApplicationErrorBody {
        @Test
        void isSerializedByTheFactorysMapperWhileStatusAndHeadersStayMethodGuards() throws Exception {
            MethodGuardFilter filter = start(Map.of("error-body", Envelope.class.getName()));
            Fakes.Response res = new Fakes.Response();
            filter.doFilter(request("DELETE", "items").proxy, res.proxy, new Fakes.Chain());
            assertEquals(405, res.status);
            assertEquals("GET, HEAD, OPTIONS, POST", res.headers.get("Allow"));
            assertEquals("no-store", res.headers.get("Cache-Control"));
            assertEquals("nosniff", res.headers.get("X-Content-Type-Options"));
            assertEquals("application/vnd.example.error+json", res.headers.get("Content-Type"));
            assertEquals(String.valueOf(res.body.size()), res.headers.get("Content-Length"));
            JsonNode json = new ObjectMapper().readTree(res.body.toByteArray()).get("error");
            assertEquals("METHOD_NOT_ALLOWED", json.get("code").asText());
            assertEquals("/app/items/1", json.get("path").asText());
            assertEquals("[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]", json.get("allowed").toString());
        }

        @Test
        void aFactoryThatThrowsOrReturnsNullGetsTheBuiltInBodyAndOneWarning() throws Exception {
            for (Class<?> bad : List.of(Throws.class, ReturnsNull.class)) {
                MethodGuardFilter filter = start(Map.of("error-body", bad.getName()));
                List<LogRecord> records;
                try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.WARNING)) {
                    for (int i = 0; i < 3; i++) {
                        Fakes.Response res = new Fakes.Response();
                        Fakes.Chain chain = new Fakes.Chain();
                        filter.doFilter(request("FOO", "items").proxy, res.proxy, chain);
                        assertTrue(chain.passed.isEmpty());
                        assertEquals(501, res.status);
                        assertEquals("application/json", res.headers.get("Content-Type"));
                        assertEquals("Not Implemented", new ObjectMapper().readTree(res.body.toByteArray()).get("error").asText());
                    }
                    records = logs.records();
                }
                assertEquals(1, records.size(), bad + ": " + records);
                assertTrue(records.get(0).getMessage().contains(bad.getName()), records.get(0).getMessage());
            }
        }

        @Test
        void aClassThatIsNoFactoryFailsInit() {
            Exception e = assertThrows(jakarta.servlet.ServletException.class, () -> start(Map.of("error-body", String.class.getName())));
            assertTrue(e.getMessage().contains("init-param 'error-body' = 'java.lang.String': class java.lang.String does not implement dev.methodguard.ErrorBodyFactory"),
                    e.getMessage());
            Exception missing = assertThrows(jakarta.servlet.ServletException.class, () -> start(Map.of("error-body", "com.example.Nope")));
            assertTrue(missing.getMessage().contains("no class of that name can be loaded"), missing.getMessage());
        }
    }

    @Nested
    class HeadLikeMethods {
        @Test
        void getTheirAnswerWithoutABodySoServersThatTakeThemForHeadFrameItRight() throws Exception {
            MethodGuardFilter filter = start(Map.of());
            for (String m : List.of("head", "hEad", "Head")) {
                Fakes.Response res = new Fakes.Response();
                filter.doFilter(request(m, "items").proxy, res.proxy, new Fakes.Chain());
                assertEquals(501, res.status, m);
                assertEquals("0", res.headers.get("Content-Length"), m);
                assertFalse(res.calls.any("getOutputStream"), m);
            }
        }
    }
}
