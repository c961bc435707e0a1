package dev.methodguard.examples.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * What both example WARs must do in every container, probed over real HTTP. Each subclass names one
 * container; it is started once for its class with both WARs deployed (contexts {@value #WEBXML} and
 * {@value #ANNOTATIONS}), and stopped after.
 *
 * <p>Both WARs have the same shape: {@code items} (/items/*, overrides service(), declared GET, POST,
 * DELETE), {@code hello} (/hello, plain HttpServlet with doGet), {@code count} (/count, how often each
 * servlet ran), index.html served by the container's default servlet, and PATCH as a known method.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerContract {
    static final String WEBXML = "/webxml";
    static final String ANNOTATIONS = "/annotations";

    static final String ITEMS_ALLOW = "DELETE, GET, HEAD, OPTIONS, POST";
    static final String READ_ALLOW = "GET, HEAD, OPTIONS";

    final Container container;

    ContainerContract(Container container) {
        this.container = container;
    }

    @BeforeAll
    void startContainer() throws Exception {
        Set<String> ready = new LinkedHashSet<>();
        for (String ctx : List.of(WEBXML, ANNOTATIONS)) {
            ready.add(ctx + "/count");
            ready.add(traceThrough(ctx).context() + "/count");
        }
        container.start(List.of(Container.war("webxml.war"), Container.war("annotations.war")), List.copyOf(ready));
    }

    @AfterAll
    void stopContainer() throws Exception {
        container.close();
    }

    Http.Response send(String method, String path, String... headers) throws IOException {
        return Http.send(container.port(), method, path, headers);
    }

    /** How often {@code servlet} of the WAR at {@code context} has run, read from its /count servlet. */
    long count(String context, String servlet) throws IOException {
        return count(new TraceTarget(container.port(), context), servlet);
    }

    long count(TraceTarget t, String servlet) throws IOException {
        Http.Response r = Http.send(t.port(), "GET", t.context() + "/count");
        assertEquals(200, r.status(), () -> "GET " + t + "/count: " + r);
        Matcher m = Pattern.compile("\"" + servlet + "\":(\\d+)").matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String json405(String method, String path, String allow) {
        StringBuilder allowed = new StringBuilder();
        for (String m : allow.split(", ")) {
            allowed.append(allowed.length() == 0 ? "" : ",").append('"').append(m).append('"');
        }
        return "{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
                + "\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"allowed\":[" + allowed + "]}";
    }

    static String json501(String method, String path) {
        return "{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"The server does not implement the requested method.\","
                + "\"method\":\"" + method + "\",\"path\":\"" + path + "\"}";
    }

    /** A MethodGuard rejection: status, Allow (405 only), the exact JSON body and its headers. */
    static void assertRejected(Http.Response r, int status, String allow, String body) {
        assertEquals(status, r.status(), () -> "status of " + r);
        assertEquals(allow, r.header("Allow"), () -> "Allow of " + r);
        assertEquals(body, r.body());
        assertEquals("application/json", r.header("Content-Type"), () -> "Content-Type of " + r);
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    /** Where the WAR deployed at {@code ctx} is reachable with TRACE let through by the container. */
    record TraceTarget(int port, String context) {
    }

    /** The same WAR, on a connector or in a context where the container does not refuse TRACE itself. */
    abstract TraceTarget traceThrough(String ctx);

    static void assertNotEchoed(Http.Response r) {
        assertFalse(r.body().contains("s3cr3t-value") || r.body().contains("TRACE /"), () -> "TRACE echoed the request: " + r);
    }

    /** How this container, as distributed, answers TRACE (before MethodGuard could). */
    abstract void assertContainerRefusedTrace(Http.Response r);

    /** The row of the container's JSP servlet in MethodGuard's table. */
    abstract String jspRow();

    @Nested
    class PassesThrough {
        @ForEachWar
        void getOnAPlainHttpServletRunsIt(String ctx) throws IOException {
            long before = count(ctx, "hello");
            Http.Response r = send("GET", ctx + "/hello");
            assertEquals(200, r.status(), r::toString);
            assertEquals("hello\n", r.body());
            assertEquals(before + 1, count(ctx, "hello"));
        }

        @ForEachWar
        void everyDeclaredMethodReachesTheServletThatOverridesService(String ctx) throws IOException {
            long before = count(ctx, "items");
            assertEquals(200, send("GET", ctx + "/items/1").status());
            assertEquals(201, send("POST", ctx + "/items", "Content-Length: 0").status());
            assertEquals(204, send("DELETE", ctx + "/items/1").status());
            assertEquals(before + 3, count(ctx, "items"));
        }

        @ForEachWar
        void aStaticFileIsServedByTheContainersDefaultServlet(String ctx) throws IOException {
            Http.Response r = send("GET", ctx + "/index.html");
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.body().contains("<h1>"), r::toString);
            assertEquals(200, send("HEAD", ctx + "/index.html").status());
        }
    }

    @Nested
    class RejectedWith405 {
        @ForEachWar
        void postOnAGetOnlyServletIsRejectedWith405AndNeverRunsIt(String ctx) throws IOException {
            long before = count(ctx, "hello");
            Http.Response r = send("POST", ctx + "/hello", "Content-Length: 0");
            assertRejected(r, 405, READ_ALLOW, json405("POST", ctx + "/hello", READ_ALLOW));
            assertEquals(before, count(ctx, "hello"));
        }

        @ForEachWar
        void patchIsKnownByConfigurationSoItIs405NotThe501(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = send("PATCH", ctx + "/items/1", "Content-Length: 0");
            assertRejected(r, 405, ITEMS_ALLOW, json405("PATCH", ctx + "/items/1", ITEMS_ALLOW));
            assertEquals(before, count(ctx, "items"));
        }

        @ForEachWar
        void deleteOnAStaticFileIsRejectedWith405AndTheDefaultServletsAllow(String ctx) throws IOException {
            Http.Response r = send("DELETE", ctx + "/index.html");
            assertRejected(r, 405, READ_ALLOW, json405("DELETE", ctx + "/index.html", READ_ALLOW));
            assertEquals(200, send("GET", ctx + "/index.html").status(), "the file is still there");
        }
    }

    @Nested
    class RefusedTrace {
        /** Stock Tomcat and Jetty both refuse TRACE before any filter runs; see {@link #assertContainerRefusedTrace}. */
        @ForEachWar
        void traceIsRefusedByTheStockContainerAndNothingIsEchoed(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = send("TRACE", ctx + "/items/1", "X-Probe-Secret: s3cr3t-value");
            assertNotEchoed(r);
            assertContainerRefusedTrace(r);
            assertEquals(before, count(ctx, "items"));
        }
    }

    @Nested
    class RejectedTraceWhereTheContainerLetsItThrough {
        @ForEachWar
        void traceIsRejectedByMethodGuardWith405AndNothingIsEchoed(String ctx) throws IOException {
            TraceTarget t = traceThrough(ctx);
            long before = count(t, "items");
            Http.Response r = Http.send(t.port(), "TRACE", t.context() + "/items/1", "X-Probe-Secret: s3cr3t-value");
            assertNotEchoed(r);
            assertRejected(r, 405, ITEMS_ALLOW, json405("TRACE", t.context() + "/items/1", ITEMS_ALLOW));
            assertEquals(before, count(t, "items"));
            assertEquals(200, Http.send(t.port(), "GET", t.context() + "/items/1").status(), "the servlet itself is reachable there");
            assertEquals(before + 1, count(t, "items"));
        }
    }

    @Nested
    class RejectedWith501 {
        @ForEachWar
        void anUnknownMethodIsRejectedWith501AndNeverRunsTheServlet(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = send("FOO", ctx + "/items/1");
            assertRejected(r, 501, null, json501("FOO", ctx + "/items/1"));
            assertEquals(before, count(ctx, "items"));
        }

        @ForEachWar
        void aLowercaseGetIsAnUnknownMethodAndRejectedWith501(String ctx) throws IOException {
            long before = count(ctx, "hello");
            Http.Response r = send("get", ctx + "/hello");
            assertRejected(r, 501, null, json501("get", ctx + "/hello"));
            assertEquals(before, count(ctx, "hello"));
        }

        @ForEachWar
        void putStays501BecauseTheContainersOwnServletsDoNotWidenTheKnownMethods(String ctx) throws IOException {
            long before = count(ctx, "hello");
            assertRejected(send("PUT", ctx + "/hello", "Content-Length: 0"), 501, null, json501("PUT", ctx + "/hello"));
            assertRejected(send("PUT", ctx + "/index.html", "Content-Length: 0"), 501, null, json501("PUT", ctx + "/index.html"));
            assertEquals(before, count(ctx, "hello"));
        }
    }

    @Nested
    class AnsweredOptions {
        @ForEachWar
        void optionsIsAnsweredWithAllowWithoutRunningTheServlet(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = send("OPTIONS", ctx + "/items/1");
            assertEquals(200, r.status(), r::toString);
            assertEquals(ITEMS_ALLOW, r.header("Allow"));
            assertEquals("", r.body());
            assertEquals(before, count(ctx, "items"));
        }

        @ForEachWar
        void optionsOnAStaticFileListsWhatTheDefaultServletServes(String ctx) throws IOException {
            Http.Response r = send("OPTIONS", ctx + "/index.html");
            assertEquals(200, r.status(), r::toString);
            assertEquals(READ_ALLOW, r.header("Allow"));
        }
    }

    @Nested
    class LogsItsCapabilityTable {
        @ForEachWar
        void theTableIsInTheContainersLogAtStartup(String ctx) throws Exception {
            String table = table(ctx);
            String itemsSource = ctx.equals(WEBXML) ? "init-param methodguard.allowed-methods" : "@AllowedMethods";
            assertRow(table, "items", "/items/*", ITEMS_ALLOW, itemsSource);
            assertRow(table, "hello", "/hello", READ_ALLOW, "introspection");
            assertRow(table, "count", "/count", READ_ALLOW, "introspection");
            assertRow(table, "default", "/", READ_ALLOW, "container default");
            assertTrue(Pattern.compile("(?m)^\\s+jsp\\s+" + jspRow() + "\\s*$").matcher(table).find(), () -> "no row 'jsp ... " + jspRow() + "' in\n" + table);
            assertTrue(table.contains("known methods: DELETE, GET, HEAD, OPTIONS, PATCH, POST, TRACE"), table);
        }
    }

    /** The block MethodGuard logs for {@code ctx}: from its heading to its "known methods" line. */
    String table(String ctx) throws Exception {
        String heading = "MethodGuard policy for context '" + ctx + "' (format=json, allow-trace=false)";
        String log = "";
        // Tomcat's file handler writes asynchronously: give it a bounded moment.
        for (int i = 0; i < 50 && !log.contains(heading); i++) {
            log = container.log();
            if (!log.contains(heading)) {
                Thread.sleep(100);
            }
        }
        int start = log.indexOf(heading);
        if (start < 0) {
            fail(container + ": no MethodGuard table for " + ctx + " in the container's log:\n" + log);
        }
        int end = log.indexOf("known methods:", start);
        if (end < 0) {
            fail("unterminated table: " + log.substring(start));
        }
        int eol = log.indexOf('\n', end);
        return log.substring(start, eol < 0 ? log.length() : eol);
    }

    static void assertRow(String table, String servlet, String mappings, String allowed, String source) {
        Pattern row = Pattern.compile("(?m)^\\s+" + Pattern.quote(servlet) + "\\s+" + Pattern.quote(mappings) + "\\s+"
                + Pattern.quote(allowed) + "\\s+" + Pattern.quote(source) + "\\s*$");
        assertTrue(row.matcher(table).find(), () -> "no row '" + servlet + " " + mappings + " " + allowed + " " + source + "' in\n" + table);
    }
}
