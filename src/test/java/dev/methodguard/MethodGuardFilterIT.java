package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The core contract over real sockets, against a real embedded Jetty 12.1. Failsafe runs this class twice:
 * on ee10 (Servlet 6.0) and on ee11 (Servlet 6.1). Every rejection also proves the servlet never ran.
 */
class MethodGuardFilterIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String BODY_405_ITEMS = "{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
            + "\"method\":\"DELETE\",\"path\":\"/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}";
    static final String BODY_501_ITEMS = "{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"The server does not implement the requested method.\","
            + "\"method\":\"FOO\",\"path\":\"/items/1\"}";

    /** One application with every way of declaring, and the filter with default options. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithDefaultOptions {
        final TestServlets.GetPost items = new TestServlets.GetPost();
        final TestServlets.AnnotatedService documents = new TestServlets.AnnotatedService();
        final TestServlets.InheritsAnnotation inherited = new TestServlets.InheritsAnnotation();
        final TestServlets.Service declaredByParam = new TestServlets.Service();
        final TestServlets.Service legacy = new TestServlets.Service();
        final TestServlets.GetPatch patchable = new TestServlets.GetPatch();
        final TestServlets.Cors cors = new TestServlets.Cors();
        TestJetty jetty;

        @BeforeAll
        void start() throws Exception {
            jetty = TestJetty.app()
                    .servlet("items", items, "/items/*")
                    .servlet("documents", documents, "/documents/*")
                    .servlet("inherited", inherited, "/inherited/*")
                    .servlet("orders", declaredByParam, "/orders/*")
                    .servletParam("orders", "methodguard.allowed-methods", " GET , POST,POST ")
                    .servlet("legacy", legacy, "/legacy/*")
                    .servlet("patchable", patchable, "/patchable/*")
                    .servlet("cors", cors, "/cors/*")
                    .filter(new MethodGuardFilter())
                    .start();
        }

        @AfterAll
        void stop() throws Exception {
            jetty.close();
        }

        @BeforeEach
        void resetCounters() {
            for (TestServlets.Counting s : new TestServlets.Counting[] {items, documents, inherited, declaredByParam, legacy, patchable, cors}) {
                s.calls.set(0);
            }
        }

        @Nested
        class AllowedMethodsPassThrough {
            @Test
            void getOnAnIntrospectedServletReachesIt() throws Exception {
                RawHttp.Response r = jetty.send("GET", "/items/1");
                assertEquals(200, r.status());
                assertEquals("GET ok", r.body());
                assertEquals(1, items.calls.get());
            }

            @Test
            void headIsAllowedWhereverGetIs() throws Exception {
                assertEquals(200, jetty.send("HEAD", "/items/1").status());
                assertEquals(1, items.calls.get());
            }

            @Test
            void postOnAnIntrospectedServletReachesIt() throws Exception {
                assertEquals(200, jetty.send("POST", "/items/1").status());
                assertEquals(1, items.calls.get());
            }

            @Test
            void aMethodFromAtAllowedMethodsReachesAServiceServlet() throws Exception {
                assertEquals("DELETE ok", jetty.send("DELETE", "/documents/1").body());
                assertEquals(1, documents.calls.get());
            }

            @Test
            void anInheritedAnnotationDeclaresTheSubclass() throws Exception {
                assertEquals(200, jetty.send("PUT", "/inherited/1").status());
                assertEquals(1, inherited.calls.get());
            }

            @Test
            void aMethodFromTheServletInitParamReachesTheServlet() throws Exception {
                assertEquals(200, jetty.send("POST", "/orders/1").status());
                assertEquals(1, declaredByParam.calls.get());
            }

            @Test
            void anUndeclaredServletGetsEveryMethodUntouched() throws Exception {
                assertEquals("FOO ok", jetty.send("FOO", "/legacy/1").body());
                assertEquals("OPTIONS ok", jetty.send("OPTIONS", "/legacy/1").body());
                assertEquals("get ok", jetty.send("get", "/legacy/1").body());
                assertEquals(3, legacy.calls.get());
            }

            @Test
            void methodOverrideHeadersAreIgnoredTheRequestIsJudgedByItsRealMethod() throws Exception {
                for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
                    assertEquals("GET ok", RawHttp.send(jetty.port, "GET", "/items/1", header + ": DELETE").body(), header);
                    assertEquals("POST ok", RawHttp.send(jetty.port, "POST", "/items/1", header + ": DELETE", "Content-Length: 0").body(), header);
                    RawHttp.Response r = RawHttp.send(jetty.port, "DELETE", "/items/1", header + ": GET");
                    assertEquals(405, r.status(), header);
                    assertEquals("DELETE", json(r).get("method").asText(), header);
                }
                assertEquals(6, items.calls.get());
            }

            @Test
            void aCorsPreflightIsPassedOnToAServletThatImplementsOptionsWithMethodGuardsAllow() throws Exception {
                RawHttp.Response r = RawHttp.send(jetty.port, "OPTIONS", "/cors/1",
                        "Origin: http://example.test", "Access-Control-Request-Method: PUT");
                assertEquals(204, r.status());
                assertEquals("http://example.test", r.header("Access-Control-Allow-Origin"));
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals(1, cors.calls.get());
            }
        }

        @Nested
        class KnownButNotAllowedIs405 {
            @Test
            void deleteOnAGetPostServletIsA405WithTheExactAllowHeaderAndBody() throws Exception {
                RawHttp.Response r = jetty.send("DELETE", "/items/1");
                assertEquals(405, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals("application/json", r.header("Content-Type"));
                assertEquals("no-store", r.header("Cache-Control"));
                assertEquals("nosniff", r.header("X-Content-Type-Options"));
                assertEquals(BODY_405_ITEMS, r.body());
                assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.header("Content-Length"));
                assertEquals(0, items.calls.get());
            }

            @Test
            void putOnAServletDeclaredByInitParamIsA405ListingItsMethods() throws Exception {
                RawHttp.Response r = jetty.send("PUT", "/orders/1");
                assertEquals(405, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals(0, declaredByParam.calls.get());
            }

            @Test
            void postOnAnAnnotatedServletIsA405ListingTheAnnotation() throws Exception {
                RawHttp.Response r = jetty.send("POST", "/documents/1");
                assertEquals(405, r.status());
                assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", r.header("Allow"));
                assertEquals("[\"DELETE\",\"GET\",\"HEAD\",\"OPTIONS\",\"PUT\"]", json(r).get("allowed").toString());
                assertEquals(0, documents.calls.get());
            }

            @Test
            void traceIsKnownButRefusedByDefaultAndNeverEchoed() throws Exception {
                RawHttp.Response r = RawHttp.send(jetty.port, "TRACE", "/items/1", "X-Secret: s3cr3t");
                assertEquals(405, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertTrue(!r.body().contains("s3cr3t"), r.body());
                assertEquals(0, items.calls.get());
            }

            @Test
            void http10RequestsGetTheSameAnswersNotA400() throws Exception {
                RawHttp.Response r = RawHttp.exchange(jetty.port, http10("DELETE"), false);
                assertEquals(405, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals(BODY_405_ITEMS, r.body());
                r = RawHttp.exchange(jetty.port, http10("FOO"), false);
                assertEquals(501, r.status());
                assertEquals(BODY_501_ITEMS, r.body());
                r = RawHttp.exchange(jetty.port, http10("OPTIONS"), false);
                assertEquals(200, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals(0, items.calls.get());
            }

            private static byte[] http10(String method) {
                return (method + " /items/1 HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }

            @Test
            void patchOnAServletWithDoPatchDependsOnTheContainersServletVersion() throws Exception {
                RawHttp.Response r = jetty.send("PATCH", "/patchable/1");
                if (TestJetty.servlet61()) {
                    // Servlet 6.1: HttpServlet declares doPatch, so the override counts and PATCH is allowed.
                    assertEquals(200, r.status());
                    assertEquals(1, patchable.calls.get());
                } else {
                    // Servlet 6.0: the container would never call doPatch; nothing implements PATCH.
                    assertEquals(501, r.status());
                    assertEquals(0, patchable.calls.get());
                }
            }
        }

        @Nested
        class UnknownIs501 {
            @Test
            void aCustomMethodIsA501WithTheExactBodyAndNoAllowHeader() throws Exception {
                RawHttp.Response r = jetty.send("FOO", "/items/1");
                assertEquals(501, r.status());
                assertNull(r.header("Allow"));
                assertEquals("application/json", r.header("Content-Type"));
                assertEquals("no-store", r.header("Cache-Control"));
                assertEquals(BODY_501_ITEMS, r.body());
                assertEquals(0, items.calls.get());
            }

            @Test
            void aLowercaseGetIsNotGetAndIsA501() throws Exception {
                RawHttp.Response r = jetty.send("get", "/items/1");
                assertEquals(501, r.status());
                assertEquals("get", json(r).get("method").asText());
                assertEquals(0, items.calls.get());
            }

            @Test
            void aMethodNoServletAllowsIsA501EvenOnAServiceServlet() throws Exception {
                RawHttp.Response r = jetty.send("PROPFIND", "/documents/1");
                assertEquals(501, r.status());
                assertEquals(0, documents.calls.get());
            }
        }

        @Nested
        class OptionsIsAnsweredByTheFilter {
            @Test
            void optionsGets200WithAllowAndNoBodyAndTheServletDoesNotRun() throws Exception {
                RawHttp.Response r = jetty.send("OPTIONS", "/documents/1");
                assertEquals(200, r.status());
                assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", r.header("Allow"));
                assertEquals("0", r.header("Content-Length"));
                assertEquals("", r.body());
                // No body, so nothing to type, sniff or keep out of caches: Allow is all it carries.
                assertNull(r.header("Content-Type"));
                assertNull(r.header("X-Content-Type-Options"));
                assertNull(r.header("Cache-Control"));
                assertEquals(0, documents.calls.get());
            }

            @Test
            void aPlainOptionsReachesAServletThatImplementsOptionsAndAllowIsStillMethodGuards() throws Exception {
                RawHttp.Response r = RawHttp.send(jetty.port, "OPTIONS", "/cors/1", "Origin: http://example.test");
                assertEquals(204, r.status());
                assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
                assertEquals(1, cors.calls.get());
            }
        }
    }

    @Nested
    class StartupLog {
        @Test
        void eachUndeclaredServletGetsOneWarningNamingItAndHowToDeclareIt() throws Exception {
            List<LogRecord> warnings;
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.WARNING)) {
                TestJetty.app().servlet("items", new TestServlets.GetPost(), "/items/*")
                        .servlet("legacy", new TestServlets.Service(), "/legacy/*")
                        .filter(new MethodGuardFilter()).start().close();
                warnings = logs.records();
            }
            assertEquals(1, warnings.size(), warnings.stream().map(LogRecord::getMessage).toList().toString());
            assertEquals(Level.WARNING, warnings.get(0).getLevel());
            String message = warnings.get(0).getMessage();
            assertTrue(message.contains("'legacy'") && message.contains("@AllowedMethods")
                    && message.contains("methodguard.allowed-methods") && message.contains("builder().allowedMethods(\"legacy\""), message);
        }
    }

    @Nested
    class WithOptions {
        @Test
        void knownMethodsTurnA501IntoA405() throws Exception {
            TestServlets.GetPost items = new TestServlets.GetPost();
            try (TestJetty jetty = TestJetty.app().servlet("items", items, "/items/*")
                    .filter(new MethodGuardFilter()).filterParam("known-methods", "PROPFIND, QUERY").start()) {
                RawHttp.Response propfind = jetty.send("PROPFIND", "/items/1");
                assertEquals(405, propfind.status());
                assertEquals("GET, HEAD, OPTIONS, POST", propfind.header("Allow"));
                assertEquals(501, jetty.send("FOO", "/items/1").status());
                assertEquals(0, items.calls.get());
            }
        }

        @Test
        void formatProblemWritesAnRfc9457ProblemForBothStatuses() throws Exception {
            TestServlets.GetPost items = new TestServlets.GetPost();
            try (TestJetty jetty = TestJetty.app().servlet("items", items, "/items/*")
                    .filter(new MethodGuardFilter()).filterParam("format", "problem").filterParam("known-methods", "DELETE").start()) {
                RawHttp.Response r405 = jetty.send("DELETE", "/items/1");
                assertEquals(405, r405.status());
                assertEquals("application/problem+json", r405.header("Content-Type"));
                assertEquals("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                        + "\"detail\":\"The method is not allowed for the requested resource.\",\"instance\":\"/items/1\","
                        + "\"method\":\"DELETE\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}", r405.body());
                RawHttp.Response r501 = jetty.send("FOO", "/items/1");
                assertEquals(501, r501.status());
                assertEquals("application/problem+json", r501.header("Content-Type"));
                assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Implemented\",\"status\":501,"
                        + "\"detail\":\"The server does not implement the requested method.\",\"instance\":\"/items/1\","
                        + "\"method\":\"FOO\"}", r501.body());
                assertEquals(0, items.calls.get());
            }
        }

        @Test
        void allowTraceLetsTraceReachAnIntrospectedServletAndListsIt() throws Exception {
            TestServlets.GetPost items = new TestServlets.GetPost();
            try (TestJetty jetty = TestJetty.app().servlet("items", items, "/items/*")
                    .filter(MethodGuardFilter.builder().allowTrace(true).build()).start()) {
                RawHttp.Response r = jetty.send("TRACE", "/items/1");
                assertEquals(200, r.status());
                assertTrue(r.body().startsWith("TRACE /items/1"), r.body()); // HttpServlet.doTrace echoes
                assertEquals("GET, HEAD, OPTIONS, POST, TRACE", jetty.send("OPTIONS", "/items/1").header("Allow"));
            }
        }

        @Test
        void theBuilderDeclaresAServiceServletByName() throws Exception {
            TestServlets.Service reports = new TestServlets.Service();
            try (TestJetty jetty = TestJetty.app().servlet("reports", reports, "/reports/*")
                    .filter(MethodGuardFilter.builder().allowedMethods("reports", "GET").build()).start()) {
                assertEquals(200, jetty.send("GET", "/reports/1").status());
                RawHttp.Response r = jetty.send("POST", "/reports/1");
                assertEquals(501, r.status()); // nothing in this application allows POST
                RawHttp.Response head = jetty.send("HEAD", "/reports/1");
                assertEquals(200, head.status());
                assertEquals(2, reports.calls.get());
            }
        }

        @Test
        void headOnARejectedResourceGetsTheStatusAndHeadersWithoutABody() throws Exception {
            TestServlets.Service writeOnly = new TestServlets.Service();
            TestServlets.GetPost items = new TestServlets.GetPost();
            try (TestJetty jetty = TestJetty.app().servlet("writeOnly", writeOnly, "/write/*")
                    .servletParam("writeOnly", "methodguard.allowed-methods", "PUT")
                    .servlet("items", items, "/items/*")
                    .filter(new MethodGuardFilter()).start()) {
                RawHttp.Response r = jetty.send("HEAD", "/write/1");
                assertEquals(405, r.status());
                assertEquals("OPTIONS, PUT", r.header("Allow"));
                assertEquals("application/json", r.header("Content-Type"));
                assertEquals("", r.body());
                assertEquals(0, writeOnly.calls.get());
            }
        }

        @Test
        void thePathIncludesTheContextPathAsReceived() throws Exception {
            TestServlets.GetPost items = new TestServlets.GetPost();
            try (TestJetty jetty = TestJetty.app().contextPath("/shop").servlet("items", items, "/items/*")
                    .filter(new MethodGuardFilter()).start()) {
                RawHttp.Response r = jetty.send("FOO", "/shop/items/a%20b");
                assertEquals(501, r.status());
                assertEquals("/shop/items/a%20b", json(r).get("path").asText());
                assertEquals(0, items.calls.get());
            }
        }

        @Test
        void anInvalidFormatStopsTheContextWithAMessageNamingParameterAndValue() {
            Exception e = assertThrows(Exception.class, () -> TestJetty.app().servlet("items", new TestServlets.GetPost(), "/items/*")
                    .filter(new MethodGuardFilter()).filterParam("format", "xml").start().close());
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("init-param 'format' = 'xml'"), messages.toString());
            assertTrue(messages.toString().contains("accepted: json, problem"), messages.toString());
        }
    }

    static JsonNode json(RawHttp.Response r) throws Exception {
        return JSON.readTree(r.body());
    }
}
