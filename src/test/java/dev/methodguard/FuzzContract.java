package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing over real sockets: random method tokens (every tchar, 1 to 8,000 characters), random
 * request targets (percent-encoded quotes, backslashes, control characters, non-ASCII, some raw odd
 * bytes), random header sets, on keep-alive connections to a real container with the filter.
 *
 * <p>Invariants checked on every response: never a 5xx other than MethodGuard's 501; every MethodGuard
 * rejection (405/501 with its JSON content type) is valid JSON of bounded size that echoes the method
 * (or its 64-character prefix plus {@code methodTruncated}) and the path, with the right {@code Allow},
 * {@code nosniff} and {@code no-store}; a rejected method never reaches the servlet; an allowed one
 * always does. Requests the container refuses itself (400/414/431) must not reach the servlet either.
 *
 * <p>Reproduce a run with {@code -Dmethodguard.fuzz.seed=<seed printed>}; change the number of requests
 * with {@code -Dmethodguard.fuzz.requests=N} (default 10,000).
 *
 * <p>Subclasses run it on a container with the same servlets ({@link #items} on /items/* with
 * {@link #ITEMS_ALLOWED}, {@link #admin} on /admin/* with {@link #ADMIN_ALLOWED}, {@link #open} on /open/*,
 * undeclared) and MethodGuard on /* with {@link #FILTER_PARAMS}; they say which responses the container
 * closes the connection after by design ({@link #closesConnectionAfter}). A response announcing
 * {@code Connection: close} must be one of those, and the server must then really close; the client
 * reconnects. A connection closed without any response is a lost response, tolerated for at most 1% of
 * the requests (a container may drop a request line it refuses).
 *
 * <p>Public, and published in the test-jar, so that a standalone server in another process runs it too
 * (it/containers): there the servlets are {@link Recording}s in a deployed WAR under
 * {@link #basePath()}, and {@link #takeServed} asks the WAR's {@link Served} endpoint which of them ran.
 */
public abstract class FuzzContract {
    static final long SEED = Long.getLong("methodguard.fuzz.seed", System.nanoTime() ^ Runtime.getRuntime().freeMemory());
    static final int REQUESTS = Integer.getInteger("methodguard.fuzz.requests", 10_000);
    static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final List<String> REAL = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "PROPPATCH",
            "MKCOL", "PROPFIND", "get", "head", "Get", "options", "CONNECT", "PRI", "FOO");
    /** Generous: 64 method chars and 2048 path chars, each escaped to at most 6 bytes, plus the fixed parts. */
    static final int MAX_BODY = 64 * 6 + 2048 * 6 + 512;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<Integer> CONTAINER_REFUSALS = Set.of(400, 413, 414, 431);

    /**
     * Runs every method; records the X-Req id of each request it serves. Registers itself under its servlet
     * name at init(), so that {@link Served} finds it where the test cannot (a server in another process).
     */
    public static class Recording extends HttpServlet {
        static final Map<String, Recording> BY_NAME = new ConcurrentHashMap<>();
        final Set<String> served = ConcurrentHashMap.newKeySet();

        @Override
        public void init() {
            BY_NAME.put(getServletName(), this);
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String id = req.getHeader("X-Req");
            served.add(id == null ? "none" : id);
            resp.setContentType("text/plain");
            resp.getWriter().print("served " + id);
        }
    }

    /**
     * For a server in another process: {@code GET <served>?id=N} answers the names of the {@link Recording}
     * servlets (comma-separated, maybe none) that served request N, and forgets that they did.
     */
    public static class Served extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String id = req.getParameter("id");
            List<String> names = new java.util.ArrayList<>();
            Recording.BY_NAME.forEach((name, r) -> {
                if (r.served.remove(id)) {
                    names.add(name);
                }
            });
            resp.setContentType("text/plain");
            resp.getWriter().print(String.join(",", names));
        }
    }

    record Target(String prefix, Set<String> allowed) {
    }

    static final Recording items = new Recording();
    static final Recording admin = new Recording();
    static final Recording open = new Recording();
    /** null allowed = undeclared, everything passes. */
    static final List<Target> TARGETS = List.of(
            new Target("/items/", Set.of("GET", "HEAD", "POST", "OPTIONS")),
            new Target("/admin/", Set.of("PUT", "DELETE", "PROPPATCH", "OPTIONS")),
            new Target("/open/", null));
    static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PROPPATCH", "PATCH", "MKCOL", "TRACE");
    static final Map<String, String> ALLOW = Map.of("/items/", "GET, HEAD, OPTIONS, POST", "/admin/", "DELETE, OPTIONS, PROPPATCH, PUT");

    /** MethodGuard's init-params, and each declared servlet's {@code methodguard.allowed-methods}. */
    public static final Map<String, String> FILTER_PARAMS = Map.of("known-methods", "PATCH, MKCOL");
    public static final String ITEMS_ALLOWED = "GET, POST";
    public static final String ADMIN_ALLOWED = "PUT, DELETE, PROPPATCH";

    /** The port of the container under test. */
    protected abstract int port();

    /** A label for the printed observations, e.g. {@code jetty-ee10}. */
    protected abstract String container();

    /** The context path of the application under test ({@code ""} for the root context, else e.g. {@code /fuzz}). */
    protected String basePath() {
        return "";
    }

    /**
     * The names of the servlets ({@code items}, {@code admin}, {@code open}) that served request {@code id},
     * forgetting that they did. Here the in-memory records of {@link #items}, {@link #admin} and {@link #open};
     * a server in another process answers it with its {@link Served} endpoint.
     */
    protected Set<String> takeServed(String id) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        if (items.served.remove(id)) {
            names.add("items");
        }
        if (admin.served.remove(id)) {
            names.add("admin");
        }
        if (open.served.remove(id)) {
            names.add("open");
        }
        return names;
    }

    /** Whether the container answers this method like HEAD (no body, whatever the headers say). */
    protected boolean headLike(String method) {
        return method.equals("HEAD");
    }

    /**
     * Whether the container closes the connection by design (announcing {@code Connection: close}) after a
     * response with this status to the {@code nth} request (from 1) on that connection.
     */
    protected abstract boolean closesConnectionAfter(int status, int nth);

    /**
     * Whether the container closes the connection by design after a response with this status to the
     * {@code nth} request with this method on that connection; by default whatever the status says
     * ({@link #closesConnectionAfter(int, int)}).
     */
    protected boolean closesConnectionAfter(String method, int status, int nth) {
        return closesConnectionAfter(status, nth);
    }

    /**
     * The status with which the container itself answers every request with this method, before any filter
     * (so the servlet never runs and the answer is not MethodGuard's), or 0 when it passes the method on.
     */
    protected int containerAnswers(String method) {
        return 0;
    }

    /** Anything the subclass counted itself (e.g. container log records it held back), added to the stats. */
    protected void addContainerStats(Map<String, Integer> stats) {
    }

    /** One generated request and what the filter must do with it. */
    record Req(int id, String method, Target target, String path, String rawTarget, boolean hostile, boolean preflight, byte[] bytes) {
        String describe() {
            return "request #" + id + " (seed " + SEED + "): method[" + method.length() + "]="
                    + Escape.forLog(method, 80) + " target[" + rawTarget.length() + "]=" + Escape.forLog(rawTarget, 200);
        }
    }

    @Test
    public void tenThousandRandomRequestsKeepEveryInvariant() {
        System.out.printf("[Fuzz] %s seed=%d requests=%d (reproduce with -Dmethodguard.fuzz.seed=%d)%n", container(), SEED, REQUESTS, SEED);
        Map<String, Integer> stats = new TreeMap<>();
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> run(new SplittableRandom(SEED), stats),
                "fuzzing took too long (seed " + SEED + ")");
        addContainerStats(stats);
        System.out.printf("[Fuzz] %s %d requests in %d ms, outcomes: %s%n", container(), REQUESTS,
                (System.nanoTime() - t0) / 1_000_000, stats);
        assertTrue(stats.getOrDefault("filter 405", 0) > REQUESTS / 20, "too few 405s to mean anything: " + stats);
        assertTrue(stats.getOrDefault("filter 501", 0) > REQUESTS / 20, "too few 501s to mean anything: " + stats);
        assertTrue(stats.getOrDefault("servlet 200", 0) > REQUESTS / 20, "too few allowed requests: " + stats);
        assertTrue(stats.getOrDefault("methodTruncated", 0) > 0, "no method was long enough to be cut: " + stats);
        assertTrue(stats.getOrDefault("pathTruncated", 0) > 0, "no path was long enough to be cut: " + stats);
    }

    private void run(SplittableRandom random, Map<String, Integer> stats) throws Exception {
        Socket socket = null;
        int nth = 0; // requests sent on the current connection
        Req previous = null;
        InputStream in = null;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Req req = generate(i, random, basePath());
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), port());
                    socket.setSoTimeout(10_000);
                    socket.setTcpNoDelay(true);
                    nth = 0;
                    InputStream raw = socket.getInputStream();
                    in = new FilterInputStream(raw) {
                        @Override
                        public int read() throws IOException {
                            int c = super.read();
                            if (c >= 0) {
                                seen.write(c);
                            }
                            return c;
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            if (n > 0) {
                                seen.write(b, off, n);
                            }
                            return n;
                        }
                    };
                }
                nth++;
                RawHttp.Response res;
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(req.bytes());
                    out.flush();
                    seen.reset();
                    res = RawHttp.read(in, headLike(req.method()));
                } catch (RuntimeException unreadable) {
                    throw new AssertionError("unreadable response to " + req.describe() + ", previous: "
                            + (previous == null ? "none" : previous.describe()) + ", bytes read: "
                            + Escape.forLog(seen.toString(StandardCharsets.ISO_8859_1), 2000), unreadable);
                } catch (IOException closed) {
                    // The container closed the connection without a response (e.g. on a request line it refuses):
                    // a lost response, not a close by design (that one comes after a response announcing it).
                    count(stats, "closed without response");
                    assertFalse(anyServed(req), "a request that got no response reached a servlet: " + req.describe());
                    socket.close();
                    socket = null;
                    continue;
                }
                check(req, res, stats);
                previous = req;
                String connection = res.header("Connection");
                boolean announced = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
                if (CONTAINER_REFUSALS.contains(res.status())) {
                    // After a refusal by the container, start afresh: Jetty answers some of them (a HEAD with a bad
                    // URI) with an HTML body even to HEAD, which a keep-alive reader cannot frame.
                    socket.close();
                    socket = null;
                    continue;
                }
                String what = req.describe() + " (request " + nth + " on its connection) -> " + res.statusLine() + " " + res.headers();
                boolean byDesign = closesConnectionAfter(req.method(), res.status(), nth);
                assertEquals(byDesign, announced, (byDesign ? "the container closes after this response by design, yet did not say so: "
                        : "a connection closed after a response the container keeps connections open for: ") + what);
                if (announced) {
                    assertClosedByServer(in, what);
                    count(stats, "connection closed by design after " + res.status());
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        int noResponse = stats.getOrDefault("closed without response", 0);
        assertTrue(noResponse <= REQUESTS / 100, "too many connections closed without a response: " + stats);
    }

    /** After a response announcing {@code Connection: close}, the server closes: no byte more, no stall. */
    static void assertClosedByServer(InputStream in, String what) {
        try {
            int next = in.read();
            assertEquals(-1, next, "a byte after a response that announced Connection: close: " + what);
        } catch (java.net.SocketTimeoutException stalled) {
            fail("Connection: close announced, but the connection stayed open for 10 s: " + what);
        } catch (IOException reset) {
            // closed with a reset: closed all the same
        }
    }

    private boolean anyServed(Req req) throws IOException {
        return !takeServed(Integer.toString(req.id())).isEmpty();
    }

    private static String servlet(Target t) {
        return switch (t.prefix()) {
            case "/items/" -> "items";
            case "/admin/" -> "admin";
            default -> "open";
        };
    }

    private static void count(Map<String, Integer> stats, String key) {
        stats.merge(key, 1, Integer::sum);
    }

    void check(Req req, RawHttp.Response res, Map<String, Integer> stats) throws IOException {
        String what = req.describe() + " -> " + res.statusLine() + " " + res.headers() + " " + Escape.forLog(res.body(), 300);
        String id = Integer.toString(req.id());
        Set<String> ran = takeServed(id);
        boolean served = ran.contains(servlet(req.target()));
        boolean servedElsewhere = ran.size() > (served ? 1 : 0);
        assertFalse(servedElsewhere, "served by another servlet: " + what);
        int status = res.status();
        assertFalse(status >= 500 && status != 501, "server error: " + what);
        boolean ours = (status == 405 || status == 501) && "application/json".equals(res.header("Content-Type"));

        Set<String> allowed = req.target().allowed();
        String method = req.method();
        if (CONTAINER_REFUSALS.contains(status)) {
            // The container refused the request before any filter: fine, as long as no servlet ran.
            assertFalse(served, "a request the container refused reached the servlet: " + what);
            count(stats, "container " + status + (req.hostile() ? " (hostile target)" : ""));
            return;
        }
        int containerStatus = containerAnswers(method);
        if (containerStatus != 0) {
            assertFalse(served, "a request the container answers itself reached the servlet: " + what);
            assertEquals(containerStatus, status, what);
            assertFalse(ours, "MethodGuard answered a request the container answers itself: " + what);
            count(stats, "container " + status + " (" + method + ")");
            return;
        }
        // Neither fuzzed servlet implements OPTIONS and no CORS filter is registered: under preflight=auto the
        // filter answers every OPTIONS, preflight or not, and the servlet never runs for it.
        if (allowed == null && method.equals("TRACE")) {
            // An undeclared servlet still never sees TRACE: no Allow can be known for it, so the answer is a 501.
            assertFalse(served, "TRACE reached an undeclared servlet: " + what);
            assertEquals(501, status, what);
            assertTrue(ours, what);
            count(stats, "undeclared TRACE 501");
            return;
        }
        if (allowed == null || (allowed.contains(method) && !method.equals("OPTIONS"))) {
            assertEquals(200, status, "an allowed request was not served: " + what);
            assertTrue(served, "an allowed request did not reach its servlet: " + what);
            count(stats, "servlet 200");
            return;
        }
        assertFalse(served, "a request the filter must answer reached the servlet: " + what);
        if (allowed.contains(method)) { // OPTIONS, plain or preflight
            assertEquals(200, status, what);
            assertEquals(ALLOW.get(req.target().prefix()), res.header("Allow"), what);
            assertEquals("0", res.header("Content-Length"), what);
            count(stats, "filter OPTIONS");
            return;
        }
        int expected = KNOWN.contains(method) ? 405 : 501;
        assertEquals(expected, status, what);
        assertTrue(ours, "a rejection without MethodGuard's JSON content type: " + what);
        assertEquals("no-store", res.header("Cache-Control"), what);
        assertEquals("nosniff", res.header("X-Content-Type-Options"), what);
        assertEquals(expected == 405 ? ALLOW.get(req.target().prefix()) : null, res.header("Allow"), what);
        count(stats, "filter " + status);
        if (method.equals("HEAD")) {
            return;
        }
        if (method.equalsIgnoreCase("HEAD")) {
            // head, hEad...: servers such as Undertow treat them as HEAD, so the answer carries no body at all.
            assertEquals("0", res.header("Content-Length"), what);
            assertEquals("", res.body(), what);
            count(stats, "HEAD-like, empty");
            return;
        }
        byte[] body = res.body().getBytes(StandardCharsets.UTF_8);
        assertEquals(res.header("Content-Length"), Integer.toString(body.length), what);
        assertTrue(body.length <= MAX_BODY, "body of " + body.length + " bytes: " + what);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            fail("not JSON (" + e.getMessage() + "): " + what);
            return;
        }
        assertEquals(status, json.path("status").asInt(), what);
        if (method.length() <= WireFormat.MAX_METHOD) {
            assertEquals(method, json.path("method").asText(), what);
            assertFalse(json.has("methodTruncated"), what);
        } else {
            assertEquals(method.substring(0, WireFormat.MAX_METHOD), json.path("method").asText(), what);
            assertTrue(json.path("methodTruncated").asBoolean(), what);
            count(stats, "methodTruncated");
        }
        String path = json.path("path").asText();
        if (req.path().length() <= WireFormat.MAX_PATH) {
            assertEquals(req.path(), path, what);
            assertFalse(json.has("pathTruncated"), what);
        } else {
            assertEquals(req.path().substring(0, WireFormat.MAX_PATH), path, what);
            assertTrue(json.path("pathTruncated").asBoolean(), what);
            count(stats, "pathTruncated");
        }
        if (status == 405) {
            List<String> listed = JSON.convertValue(json.path("allowed"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            assertEquals(ALLOW.get(req.target().prefix()), String.join(", ", listed), what);
        }
    }

    // ---- generation ----

    static Req generate(int id, SplittableRandom r, String base) {
        String method = method(r);
        Target target = TARGETS.get(r.nextInt(TARGETS.size()));
        boolean hostile = r.nextInt(100) < 35;
        String path = base + target.prefix() + path(r, hostile);
        String query = r.nextInt(10) == 0 ? "?q=" + segment(r, 1 + r.nextInt(20), hostile) : "";
        String rawTarget = path + query;
        ByteArrayOutputStream b = new ByteArrayOutputStream(method.length() + rawTarget.length() + 512);
        write(b, method + " " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Req: " + id + "\r\n");
        boolean preflight = false;
        int headers = r.nextInt(9);
        for (int h = 0; h < headers; h++) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    write(b, "Origin: http://example.test\r\nAccess-Control-Request-Method: PUT\r\n");
                    preflight = true;
                }
                case 1 -> write(b, "X-HTTP-Method-Override: " + REAL.get(r.nextInt(REAL.size())) + "\r\n");
                default -> {
                    write(b, headerName(r) + ": ");
                    b.writeBytes(headerValue(r));
                    write(b, "\r\n");
                }
            }
        }
        write(b, "\r\n");
        return new Req(id, method, target, path, rawTarget, hostile, preflight, b.toByteArray());
    }

    static void write(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String method(SplittableRandom r) {
        int kind = r.nextInt(100);
        if (kind < 40) {
            return REAL.get(r.nextInt(REAL.size()));
        }
        int length = kind < 85 ? 1 + r.nextInt(16) : kind < 95 ? 17 + r.nextInt(284) : 301 + r.nextInt(7_700);
        StringBuilder m = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            m.append(TCHARS.charAt(r.nextInt(TCHARS.length())));
        }
        return m.toString();
    }

    static final String[] PIECES = {"%22", "%5C", "%5c", "%27", "%3C", "%3E", "%0D%0A", "%0A", "%00", "%09", "%1B", "%7F",
            "%C3%A9", "%E2%80%A8", "%F0%9F%98%80", "%FF", "%C0%AF", "%25", "%2F", "%3B", "%3F", "%23", "%E4%B8%AD", "%u0022"};
    static final String[] RAW = {"\"", "\\", "<", ">", "{", "}", "|", "^", "`", "\u00e9", "\u0001", "\u007f"};

    /**
     * Jetty's default URI compliance refuses (400) encoded control characters, backslashes, slashes and
     * percent signs, bad UTF-8, {@code %u} and empty segments, before any filter; Tomcat refuses (400) raw
     * characters outside the URI grammar, encoded slashes and backslashes, {@code %00} and bad UTF-8: those
     * come only in the "hostile" third of the targets, so that most requests reach the filter.
     */
    static final String[] CLEAN = {"%22", "%27", "%3C", "%3E", "%C3%A9", "%E2%80%A8", "%F0%9F%98%80", "%E4%B8%AD", "%3F", "%23",
            "%7B", "%7D", "%60", "%5E", "%7C", "%20", "%C2%85", "%EF%BB%BF"};

    static String path(SplittableRandom r, boolean hostile) {
        int n = r.nextInt(100) < 4 ? 2_100 + r.nextInt(600) : r.nextInt(40);
        // No "." or ".." segments: they would move the request to another servlet (e.g. /open/../x is /x).
        String[] segments = segment(r, n, hostile).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty() && segments[i].chars().allMatch(c -> c == '.')) {
                segments[i] = "dot";
            }
        }
        return String.join("/", segments);
    }

    static String segment(SplittableRandom r, int n, boolean hostile) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(100);
            if (k < 55) {
                s.append("abcdefghijklmnopqrstuvwxyz0123456789-._~".charAt(r.nextInt(40)));
            } else if (k < 65) {
                if (hostile || s.length() > 0 && s.charAt(s.length() - 1) != '/') {
                    s.append('/');
                }
            } else if (!hostile) {
                s.append(CLEAN[r.nextInt(CLEAN.length)]);
            } else if (k < 97) {
                s.append(PIECES[r.nextInt(PIECES.length)]);
            } else if (k < 99) {
                s.append(String.format("%%%02X", r.nextInt(256)));
            } else {
                s.append(RAW[r.nextInt(RAW.length)]);
            }
        }
        return s.toString();
    }

    static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "te",
            "upgrade", "keep-alive", "trailer", "x-req", "origin", "access-control-request-method", "http2-settings", "proxy-connection");

    static String headerName(SplittableRandom r) {
        while (true) {
            int n = 1 + r.nextInt(20);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(TCHARS.charAt(r.nextInt(TCHARS.length())));
            }
            if (!FRAMING.contains(s.toString().toLowerCase(Locale.ROOT))) {
                return s.toString();
            }
        }
    }

    static byte[] headerValue(SplittableRandom r) {
        int n = r.nextInt(120);
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(100);
            v[i] = (byte) (k < 90 ? 0x21 + r.nextInt(0x5e) : k < 97 ? ' ' : 0x80 + r.nextInt(0x80));
        }
        if (n > 0 && v[n - 1] == ' ') {
            v[n - 1] = 'x';
        }
        if (n > 0 && v[0] == ' ') {
            v[0] = 'x';
        }
        return v;
    }

}
