package dev.methodguard.it.containers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What both example WARs must do in every container, probed over real HTTP. Each subclass names one
 * container; it is started once for its class with both WARs deployed (contexts {@value #WEBXML} and
 * {@value #ANNOTATIONS}), plus a copy of war-webxml with a broken MethodGuard configuration (context
 * {@value #BROKEN}), and stopped after.
 *
 * <p>Both WARs have the same shape: {@code items} (/items/*, overrides service(), declared GET, POST,
 * DELETE), {@code hello} (/hello, plain HttpServlet with doGet), {@code count} (/count, how often each
 * servlet ran), index.html served by the container's default servlet, hello.jsp (counted as {@code jsp}),
 * and PATCH as a known method.
 *
 * <p>What a container does on its own, before any filter could (TRACE, method-name case, its servlets'
 * rows in MethodGuard's table), is a hook each subclass answers for its container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerContract {
    static final String WEBXML = "/webxml";
    static final String ANNOTATIONS = "/annotations";
    /** war-webxml with the filter init-param {@code format} = {@code xml}: must fail closed. */
    static final String BROKEN = "/broken";
    /** The WARs every probe runs against (the broken one is probed on its own). */
    static final List<String> PROBED_WARS = List.of("webxml.war", "annotations.war");
    /** The method errors of the application alone that MethodGuard lets through on the servers' own Jakarta REST, with the reason. */
    static final String JAKARTA_REST_LISTING = "JAKARTA-REST.md";

    static final String ITEMS_ALLOW = "DELETE, GET, HEAD, OPTIONS, POST";
    static final String READ_ALLOW = "GET, HEAD, OPTIONS";
    static final String JSP_ALLOW = "GET, HEAD, OPTIONS, POST";
    /** A JSP is compiled at its first request: on a busy 2-core machine that takes more than {@link Http#TIMEOUT}. */
    static final Duration JSP_COMPILE_TIMEOUT = Duration.ofSeconds(120);

    final Container container;
    /** The container's log as it was once it had deployed the WARs, before the first HTTP request. */
    String logBeforeFirstRequest;

    ContainerContract(Container container) {
        this.container = container;
    }

    @BeforeAll
    void startContainer() throws Exception {
        Path broken = brokenWar(Container.war("webxml.war"), Container.work().resolve("broken.war"));
        List<Path> wars = new ArrayList<>();
        for (String war : PROBED_WARS) {
            wars.add(Container.war(war));
        }
        wars.add(broken);
        if (jakartaRestServlet() != null) {
            wars.addAll(JaxrsWar.both());
        }
        container.start(wars);
        logBeforeFirstRequest = container.log();
        Set<String> ready = new LinkedHashSet<>();
        for (String ctx : List.of(WEBXML, ANNOTATIONS)) {
            ready.add(ctx + "/count");
            TraceTarget t = traceThrough(ctx);
            if (t != null && t.port() == container.port()) {
                ready.add(t.context() + "/count");
            }
        }
        List<String> jspContexts = new ArrayList<>(List.of(WEBXML, ANNOTATIONS));
        if (jakartaRestServlet() != null) {
            for (String war : List.of(JaxrsWar.GUARDED, JaxrsWar.PLAIN)) {
                ready.add("/" + war + "/api/plain");
                jspContexts.add("/" + war);
            }
        }
        container.awaitReady(List.copyOf(ready));
        if (container.jsp()) {
            for (String ctx : jspContexts) {
                Http.Response r = Http.send(JSP_COMPILE_TIMEOUT, container.port(), "GET", ctx + "/hello.jsp");
                assertEquals(200, r.status(), () -> container + ": the JSP does not compile: " + r);
            }
        }
    }

    @AfterAll
    void stopContainer() throws Exception {
        container.close();
    }

    /**
     * A copy of war-webxml whose MethodGuard filter has the init-param {@code format} = {@code xml}, which
     * MethodGuard does not accept: WEB-INF/web.xml rewritten, every other entry copied as it is.
     */
    static Path brokenWar(Path war, Path target) throws IOException {
        String filterClass = "<filter-class>dev.methodguard.MethodGuardFilter</filter-class>";
        Files.createDirectories(target.getParent());
        boolean rewritten = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("WEB-INF/web.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    if (!xml.contains(filterClass)) {
                        throw new IllegalStateException("no " + filterClass + " in " + war + "'s web.xml");
                    }
                    xml = xml.replace(filterClass, filterClass
                            + "\n    <init-param>\n      <param-name>format</param-name>\n      <param-value>xml</param-value>\n    </init-param>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                    rewritten = true;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        if (!rewritten) {
            throw new IllegalStateException("no WEB-INF/web.xml in " + war);
        }
        return target;
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

    /**
     * The same WAR, on a connector or in a context where the container does not refuse TRACE itself;
     * {@code null} where this test has no such setup for the container (the probe is then skipped).
     */
    abstract TraceTarget traceThrough(String ctx);

    static void assertNotEchoed(Http.Response r) {
        assertFalse(r.body().contains("s3cr3t-value") || r.body().contains("TRACE /"), () -> "TRACE echoed the request: " + r);
    }

    /** How this container, as distributed, answers TRACE (before MethodGuard could). */
    abstract void assertContainerRefusedTrace(Http.Response r);

    /** The row of the container's default (static content) servlet after its name, as a regex; {@code null}: no such servlet. */
    String defaultRow() {
        return "/\\s+" + Pattern.quote(READ_ALLOW) + "\\s+container default";
    }

    /** The row of the container's JSP servlet after its name, as a regex; {@code null}: no JSP servlet registration. */
    abstract String jspRow();

    /**
     * {@code get} (lowercase) on /hello: an unknown method (methods are case-sensitive), so 501 and the
     * servlet never runs. A container that changes the method's case before any filter overrides this.
     */
    void assertLowercaseGet(String ctx, Http.Response r, long helloRunsBefore) throws IOException {
        assertRejected(r, 501, null, json501("get", ctx + "/hello"));
        assertEquals(helloRunsBefore, count(ctx, "hello"));
    }

    /**
     * {@code head} (lowercase) on /items/1, read as a keep-alive client reads it: 501 with an empty body and
     * {@code Content-Length: 0}, so that it is well framed whether or not the container treats {@code head}
     * as HEAD (Undertow drops the body of a {@code head} response). A container that changes the method's
     * case before any filter overrides this.
     */
    void assertLowercaseHead(String ctx, Http.Response r, long itemsRunsBefore) throws IOException {
        assertEquals(501, r.status(), r::toString);
        assertEquals("0", r.header("Content-Length"), () -> "Content-Length of " + r);
        assertEquals("", r.body());
        assertEquals(itemsRunsBefore, count(ctx, "items"));
    }

    /** Whether the container turns {@code head} into {@code HEAD} before any filter (so its answer has no body). */
    boolean headIsHead() {
        return false;
    }

    /**
     * The class of the servlet this server registers for an annotation-only Jakarta REST application (as seen
     * in its {@code getServletRegistrations()}); {@code null}: no Jakarta REST here, the {@link JaxrsWar}s are
     * not deployed.
     */
    String jakartaRestServlet() {
        return null;
    }

    /** The side-by-side matrix ({@link JakartaRestMatrix}), sent once per server, on first use. */
    private List<JakartaRestMatrix.Cell> matrix;

    List<JakartaRestMatrix.Cell> matrix() throws IOException {
        if (matrix == null) {
            // Where the server refuses TRACE itself on its main listener, the matrix goes to the listener that lets it through.
            TraceTarget t = traceThrough("/" + JaxrsWar.GUARDED);
            matrix = JakartaRestMatrix.run(t != null ? t.port() : container.port());
            JakartaRestMatrix.write(Container.work().resolveSibling("jaxrs-matrix").resolve(container.name + ".md"), container.name, matrix);
        }
        return matrix;
    }

    void assumeJsp() {
        assumeTrue(container.jsp(), () -> container + " is set up without a JSP engine");
    }

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

        @ForEachWar
        void aJspRunsOnGetAndPost(String ctx) throws IOException {
            assumeJsp();
            long before = count(ctx, "jsp");
            Http.Response r = send("GET", ctx + "/hello.jsp");
            assertEquals(200, r.status(), r::toString);
            assertEquals("hello from a JSP\n", r.body());
            assertEquals(200, send("POST", ctx + "/hello.jsp", "Content-Length: 0").status());
            assertEquals(before + 2, count(ctx, "jsp"));
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

        @ForEachWar
        void deleteOnAJspIsRejectedWith405AndWhatAJspAnswers(String ctx) throws IOException {
            assumeJsp();
            long before = count(ctx, "jsp");
            Http.Response r = send("DELETE", ctx + "/hello.jsp");
            assertRejected(r, 405, JSP_ALLOW, json405("DELETE", ctx + "/hello.jsp", JSP_ALLOW));
            assertEquals(before, count(ctx, "jsp"));
        }
    }

    @Nested
    class RefusedTrace {
        /** Every container refuses TRACE itself as shipped, before any filter runs; see {@link #assertContainerRefusedTrace}. */
        @ForEachWar
        void traceIsRefusedByTheStockContainerAndNothingIsEchoed(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = send("TRACE", ctx + "/items/1", "X-Probe-Secret: s3cr3t-value");
            assertNotEchoed(r);
            assertContainerRefusedTrace(r);
            assertEquals(before, count(ctx, "items"));
        }

        @ForEachWar
        void traceOnAStaticFileIsNotEchoed(String ctx) throws IOException {
            Http.Response r = send("TRACE", ctx + "/index.html", "X-Probe-Secret: s3cr3t-value");
            assertNotEchoed(r);
            assertTrue(r.status() >= 400, r::toString);
        }
    }

    @Nested
    class RejectedTraceWhereTheContainerLetsItThrough {
        @ForEachWar
        void traceIsRejectedByMethodGuardWith405AndNothingIsEchoed(String ctx) throws IOException {
            TraceTarget t = traceThrough(ctx);
            assumeTrue(t != null, () -> container + ": no setup here that lets TRACE through to the filter");
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
            assertLowercaseGet(ctx, send("get", ctx + "/hello"), before);
        }

        @ForEachWar
        void aLowercaseHeadGetsAWellFramedResponse(String ctx) throws IOException {
            long before = count(ctx, "items");
            Http.Response r = Http.sendKeepAlive(Duration.ofSeconds(5), container.port(), "head", ctx + "/items/1", headIsHead());
            assertLowercaseHead(ctx, r, before);
        }

        @ForEachWar
        void putStays501BecauseTheContainersOwnServletsDoNotWidenTheKnownMethods(String ctx) throws IOException {
            long before = count(ctx, "hello");
            assertRejected(send("PUT", ctx + "/hello", "Content-Length: 0"), 501, null, json501("PUT", ctx + "/hello"));
            assertRejected(send("PUT", ctx + "/index.html", "Content-Length: 0"), 501, null, json501("PUT", ctx + "/index.html"));
            assertEquals(before, count(ctx, "hello"));
        }

        @ForEachWar
        void anUnknownMethodOnAStaticFileIsRejectedWith501(String ctx) throws IOException {
            assertRejected(send("FOO", ctx + "/index.html"), 501, null, json501("FOO", ctx + "/index.html"));
        }

        @ForEachWar
        void anUnknownMethodOnAJspIsRejectedWith501AndNeverRunsIt(String ctx) throws IOException {
            assumeJsp();
            long before = count(ctx, "jsp");
            assertRejected(send("FOO", ctx + "/hello.jsp"), 501, null, json501("FOO", ctx + "/hello.jsp"));
            assertRejected(send("PUT", ctx + "/hello.jsp", "Content-Length: 0"), 501, null, json501("PUT", ctx + "/hello.jsp"));
            assertEquals(before, count(ctx, "jsp"));
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

        @ForEachWar
        void optionsOnAJspListsWhatAJspAnswers(String ctx) throws IOException {
            assumeJsp();
            long before = count(ctx, "jsp");
            Http.Response r = send("OPTIONS", ctx + "/hello.jsp");
            assertEquals(200, r.status(), r::toString);
            assertEquals(JSP_ALLOW, r.header("Allow"));
            assertEquals(before, count(ctx, "jsp"));
        }
    }

    /** A path no servlet of the application maps: what the container falls back to must not open a hole. */
    @Nested
    class UnmappedPath {
        @ForEachWar
        void traceIsNotEchoed(String ctx) throws IOException {
            Http.Response r = send("TRACE", ctx + "/nope", "X-Probe-Secret: s3cr3t-value");
            assertNotEchoed(r);
            assertTrue(r.status() >= 400, r::toString);
        }

        @ForEachWar
        void anUnknownMethodIsRejectedWith501(String ctx) throws IOException {
            assertRejected(send("FOO", ctx + "/nope"), 501, null, json501("FOO", ctx + "/nope"));
        }

        @ForEachWar
        void deleteIsNeverA405WithoutAllow(String ctx) throws IOException {
            Http.Response r = send("DELETE", ctx + "/nope");
            assertFalse(r.status() >= 200 && r.status() < 300, r::toString);
            if (r.status() == 405) {
                assertNotNull(r.header("Allow"), () -> "405 without Allow: " + r);
            }
        }

        @ForEachWar
        void optionsDoesNotAdvertiseTrace(String ctx) throws IOException {
            Http.Response r = send("OPTIONS", ctx + "/nope");
            String allow = r.header("Allow");
            assertFalse(allow != null && allow.contains("TRACE"), () -> "OPTIONS advertises TRACE: " + r);
        }
    }

    /**
     * The broken copy of war-webxml (filter init-param format=xml) fails closed: its deployment fails, or
     * every request to it gets an error; none of its servlets ever runs, and the reason is in the log.
     */
    @Nested
    class BrokenConfigurationFailsClosed {
        /** What the broken WAR's own servlets and JSP answer when they run. */
        private static final List<String> ITS_OUTPUT = List.of("hello\n", "\"items\"", "\"id\":2", "hello from a JSP", "{\"");

        /**
         * No request to /broken is answered 2xx by the broken application. Where its deployment failed,
         * /broken is no application at all (GET /broken/count is 404) and a request may reach the server's
         * root web application instead (GlassFish and Payara answer OPTIONS from their docroot's default
         * servlet): a 2xx is then accepted if it is none of the broken WAR's own answers.
         */
        @Test
        void noRequestToTheBrokenApplicationIsEverAnswered2xx() throws IOException {
            boolean undeployed = Http.send(container.port(), "GET", BROKEN + "/count").status() == 404;
            List<String[]> requests = List.of(
                    new String[] {"GET", BROKEN + "/hello"}, new String[] {"GET", BROKEN + "/count"},
                    new String[] {"GET", BROKEN + "/items/1"}, new String[] {"FOO", BROKEN + "/items/1"},
                    new String[] {"DELETE", BROKEN + "/items/1"}, new String[] {"OPTIONS", BROKEN + "/items/1"},
                    new String[] {"get", BROKEN + "/hello"}, new String[] {"GET", BROKEN + "/index.html"},
                    new String[] {"GET", BROKEN + "/hello.jsp"}, new String[] {"GET", BROKEN + "/"});
            List<String> answered = new ArrayList<>();
            for (String[] req : requests) {
                Http.Response r = Http.send(JSP_COMPILE_TIMEOUT, container.port(), req[0], req[1]);
                boolean itsOwn = ITS_OUTPUT.stream().anyMatch(r.body()::contains) || r.body().contains("<h1>war-webxml</h1>")
                        || ITEMS_ALLOW.equals(r.header("Allow"));
                if (r.status() >= 200 && r.status() < 300 && (!undeployed || itsOwn)) {
                    answered.add(req[0] + " " + req[1] + " -> " + r);
                }
            }
            assertEquals(List.of(), answered, container + " answered requests to the broken application");
        }

        @Test
        void theReasonIsInTheLog() throws Exception {
            // Where the container initializes filters lazily, the failure is logged at the first request.
            Http.send(container.port(), "GET", BROKEN + "/hello");
            String expected = "init-param 'format' = 'xml'";
            String log = "";
            for (int i = 0; i < 150 && !log.contains(expected); i++) {
                log = container.log();
                if (!log.contains(expected)) {
                    Thread.sleep(100);
                }
            }
            assertTrue(log.contains(expected), () -> container + ": no \"" + expected + "\" in the log");
        }
    }

    /**
     * The server's own Jakarta REST implementation serving an annotation-only application ({@link JaxrsWar}),
     * with and without MethodGuard, side by side ({@link JakartaRestMatrix}).
     */
    @Nested
    class JakartaRestSideBySide {
        @Test
        void theServersOwnJakartaRestServletIsRecognisedAndJudgedByRoute() throws IOException {
            assumeJakartaRest();
            for (String war : List.of(JaxrsWar.PLAIN, JaxrsWar.GUARDED)) {
                Http.Response r = send("GET", "/" + war + "/registrations");
                assertEquals(200, r.status(), r::toString);
                System.out.printf("%s: servlet registrations of /%s (name|class|mappings|init-params):%n%s", container, war, r.body());
                String api = r.body().lines().filter(l -> l.split("\\|", -1).length > 2 && l.split("\\|", -1)[2].equals("/api/*"))
                        .findFirst().orElse(null);
                assertNotNull(api, () -> container + ": no servlet mapped to /api/* in /" + war + ":\n" + r.body());
                assertEquals(jakartaRestServlet(), api.split("\\|", -1)[1], api);
            }
            String table = table("/" + JaxrsWar.GUARDED);
            assertTrue(Pattern.compile("(?m)^\\s+\\S+\\s+/api/\\*\\s+\\(by route\\)\\s").matcher(table).find(),
                    () -> container + ": the Jakarta REST servlet is not judged by route:\n" + table);
        }

        @Test
        void noRequestTheApplicationServesIsRejected() throws IOException {
            assumeJakartaRest();
            List<String> rejected = matrix().stream().filter(JakartaRestMatrix.Cell::falseRejection).map(JakartaRestMatrix.Cell::row).toList();
            assertEquals(List.of(), rejected, () -> container + ": " + rejected.size() + " false rejections (application alone | with MethodGuard):\n"
                    + String.join("\n", rejected));
        }

        @Test
        void everyFrameworkMethodErrorIsAnsweredWithMethodGuardsJsonAndTheFrameworksAllow() throws IOException {
            assumeJakartaRest();
            List<JakartaRestMatrix.Cell> errors = matrix().stream().filter(JakartaRestMatrix.Cell::frameworkMethodError).toList();
            List<String> wrongAllow = errors.stream().filter(JakartaRestMatrix.Cell::wrongAllow).map(JakartaRestMatrix.Cell::row).toList();
            List<JakartaRestMatrix.Cell> passed = errors.stream().filter(c -> !c.rejectedByMethodGuard()).toList();
            Path listing = Path.of(System.getProperty("basedir", ".")).resolve(JAKARTA_REST_LISTING);
            Set<String> listed = JakartaRestMatrix.listed(Files.readString(listing, StandardCharsets.UTF_8), container.name);
            List<String> unexplained = passed.stream().filter(c -> !listed.contains(c.key()) && !listed.contains("* " + c.path()))
                    .map(JakartaRestMatrix.Cell::row).toList();
            double share = errors.isEmpty() ? 1 : 1 - (double) passed.size() / errors.size();
            System.out.printf("%s: MethodGuard answered %d of the application's %d method errors (%.1f %%), %d with another Allow;"
                    + " %d rejections by design (TRACE, the static file, the JSP: see %s)%n", container, errors.size() - passed.size(),
                    errors.size(), 100 * share, wrongAllow.size(), matrix().stream().filter(JakartaRestMatrix.Cell::byDesign).count(),
                    JAKARTA_REST_LISTING);
            assertAll(
                    () -> assertEquals(List.of(), wrongAllow, () -> container + ": " + wrongAllow.size()
                            + " 405s with another Allow than the application's:\n" + String.join("\n", wrongAllow)),
                    () -> assertEquals(List.of(), unexplained, () -> container + ": " + unexplained.size() + " method errors of the"
                            + " application that MethodGuard lets through and " + listing.getFileName() + " does not list for '"
                            + container.name + "':\n" + String.join("\n", unexplained)),
                    () -> assertTrue(errors.size() > 100, () -> "too few method errors to judge: " + errors.size()),
                    () -> assertTrue(share >= 0.95, () -> container + ": MethodGuard answered only " + (errors.size() - passed.size())
                            + " of " + errors.size()));
        }

        @Test
        void optionsOnTheApiListsWhatTheApplicationLists() throws IOException {
            assumeJakartaRest();
            List<String> wrong = matrix().stream().filter(JakartaRestMatrix.Cell::wrongOptionsAllow).map(JakartaRestMatrix.Cell::row).toList();
            assertEquals(List.of(), wrong, () -> container + ": " + wrong.size() + " answers to OPTIONS with another Allow than the"
                    + " application's:\n" + String.join("\n", wrong));
            assertTrue(matrix().stream().filter(c -> c.method().equals("OPTIONS") && c.path().startsWith("/api") && c.plain().status() == 200)
                    .count() > 20, "too few OPTIONS answered by the application to judge");
        }

        void assumeJakartaRest() {
            assumeTrue(jakartaRestServlet() != null, () -> container + " is set up without Jakarta REST");
        }
    }

    @Nested
    class ListensOnLoopbackOnly {
        /** Every port the server opened (HTTP, HTTPS, admin, IIOP, JMX...) is on 127.0.0.1 (or ::1). */
        @Test
        void everyListeningSocketOfTheServerIsOnLoopback() throws IOException {
            List<String> listening = container.listening();
            assumeTrue(!listening.isEmpty(), "no /proc here to read the server's sockets from");
            assertEquals(List.of(), listening.stream().filter(a -> !Container.loopback(a)).toList(),
                    () -> container + " listens beyond loopback; all its listening sockets (hex, /proc/net/tcp): " + listening);
        }
    }

    @Nested
    class LogsItsCapabilityTable {
        @ForEachWar
        void theTableIsInTheContainersLogBeforeTheFirstRequest(String ctx) {
            String table = table(ctx);
            String itemsSource = ctx.equals(WEBXML) ? "init-param methodguard.allowed-methods" : "@AllowedMethods";
            assertRow(table, "items", "/items/*", ITEMS_ALLOW, itemsSource);
            assertRow(table, "hello", "/hello", READ_ALLOW, "introspection");
            assertRow(table, "count", "/count", READ_ALLOW, "introspection");
            if (defaultRow() != null) {
                assertTrue(Pattern.compile("(?m)^\\s+default\\s+" + defaultRow() + "\\s*$").matcher(table).find(),
                        () -> "no row 'default " + defaultRow() + "' in\n" + table);
            }
            if (jspRow() != null) {
                assertTrue(Pattern.compile("(?m)^\\s+jsp\\s+" + jspRow() + "\\s*$").matcher(table).find(),
                        () -> "no row 'jsp " + jspRow() + "' in\n" + table);
            }
            assertTrue(table.contains("known methods: DELETE, GET, HEAD, OPTIONS, PATCH, POST, TRACE"), table);
        }
    }

    /** The block MethodGuard logged for {@code ctx} before the first request: from its heading to its "known methods" line. */
    String table(String ctx) {
        String heading = "MethodGuard policy for context '" + ctx + "' (";
        String log = logBeforeFirstRequest;
        int start = log.indexOf(heading);
        if (start < 0) {
            fail(container + ": no MethodGuard table for " + ctx + " in the container's log once it had deployed the WARs,"
                    + " before the first request:\n" + log);
        }
        int end = log.indexOf("known methods:", start);
        if (end < 0) {
            fail("unterminated table: " + log.substring(start));
        }
        int eol = log.indexOf('\n', end);
        String table = log.substring(start, eol < 0 ? log.length() : eol);
        String settings = table.substring(heading.length(), table.indexOf(')'));
        assertTrue(List.of(settings.split(", ")).containsAll(List.of("format=json", "allow-trace=false")), table);
        return table;
    }

    static void assertRow(String table, String servlet, String mappings, String allowed, String source) {
        Pattern row = Pattern.compile("(?m)^\\s+" + Pattern.quote(servlet) + "\\s+" + Pattern.quote(mappings) + "\\s+"
                + Pattern.quote(allowed) + "\\s+" + Pattern.quote(source) + "\\s*$");
        assertTrue(row.matcher(table).find(), () -> "no row '" + servlet + " " + mappings + " " + allowed + " " + source + "' in\n" + table);
    }
}
