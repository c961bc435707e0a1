package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent keep-alive clients, 200 mixed requests each: allowed (GET, HEAD, POST), 405, 501 and
 * OPTIONS. Every response must be exactly right, the servlet must run exactly for the allowed ones, and
 * the server must log no warning or error (the container's log and JUL, where MethodGuard logs) during
 * the run. A response announcing {@code Connection: close} must be one the container closes after by
 * design ({@link #closesConnectionAfter}), and the server must then really close; the client reconnects.
 * Subclasses run it on a container with a {@link TestServlets.GetPost} on /items/* and MethodGuard on /*
 * with {@link #FILTER_PARAMS}.
 *
 * <p>Public, and published in the test-jar, so that a standalone server in another process runs it too
 * (it/containers): there the servlet is an {@link Items} in a deployed WAR under {@link #basePath()},
 * and the {@link Server} reports its calls with the WAR's {@link Calls} endpoint.
 */
public abstract class LoadContract {
    static final int CLIENTS = 32;
    static final int PER_CLIENT = 200;
    public static final Map<String, String> FILTER_PARAMS = Map.of("known-methods", "DELETE");

    enum Kind { GET, HEAD, POST, DELETE_405, FOO_501, OPTIONS, BREW_501 }

    /** A running container. */
    public interface Server extends AutoCloseable {
        int port();

        /** How often the servlet ran: here {@code servlet}'s own count; a server in another process asks its {@link Calls}. */
        default int servletCalls(TestServlets.GetPost servlet) throws Exception {
            return servlet.calls.get();
        }
    }

    /** For a WAR: the {@link TestServlets.GetPost} on /items/*, which {@link Calls} reports on. */
    public static class Items extends TestServlets.GetPost {
        static volatile Items last;

        @Override
        public void init() {
            last = this;
        }
    }

    /** For a WAR: {@code GET} answers how often the {@link Items} servlet ran. */
    public static class Calls extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {
            Items items = Items.last;
            resp.setContentType("text/plain");
            resp.getWriter().print(items == null ? "none" : Integer.toString(items.calls.get()));
        }
    }

    /** What the container and MethodGuard log at WARNING or above while open. */
    public interface Warnings extends AutoCloseable {
        List<String> warnings();

        @Override
        void close();
    }

    /** Starts the container: {@code servlet} on /items/*, MethodGuard on /* with {@link #FILTER_PARAMS}. */
    protected abstract Server start(TestServlets.GetPost servlet) throws Exception;

    /** Starts capturing the warnings of the container and of MethodGuard. */
    protected abstract Warnings captureWarnings();

    /** A label for the printed observations, e.g. {@code jetty-ee10}. */
    protected abstract String container();

    /** The context path of the application under test ({@code ""} for the root context, else e.g. {@code /load}). */
    protected String basePath() {
        return "";
    }

    /**
     * Whether the container closes the connection by design (announcing {@code Connection: close}) after a
     * response with this status to the {@code nth} request (from 1) on that connection.
     */
    protected abstract boolean closesConnectionAfter(int status, int nth);

    @Test
    public void thirtyTwoClientsGetOnlyCorrectAnswersAndTheLogStaysQuiet() throws Exception {
        TestServlets.GetPost servlet = new TestServlets.GetPost();
        try (Server server = start(servlet)) {
            Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();
            AtomicInteger expectedServletCalls = new AtomicInteger();
            LongAdder closedByDesign = new LongAdder();
            List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            long t0;
            List<String> warnings;
            try (Warnings logs = captureWarnings()) {
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        go.await();
                        client(server.port(), client, counts, expectedServletCalls, closedByDesign, errors);
                        return null;
                    }));
                }
                t0 = System.nanoTime();
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
                warnings = logs.warnings();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[Load] %s %d clients x %d requests in %d ms: %s, connections closed by design: %d%n", container(), CLIENTS,
                    PER_CLIENT, ms, counts, closedByDesign.sum());
            assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 20)));
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
            assertEquals((long) CLIENTS * PER_CLIENT, total);
            assertEquals(expectedServletCalls.get(), server.servletCalls(servlet), "servlet calls");
            assertEquals(List.of(), warnings, "warnings during the run");
        }
    }

    private void client(int port, int client, Map<Kind, LongAdder> counts, AtomicInteger expectedServletCalls,
                        LongAdder closedByDesign, List<String> errors) throws Exception {
        SplittableRandom random = new SplittableRandom(client);
        Socket socket = null;
        int nth = 0; // requests sent on the current connection
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setSoTimeout(20_000);
                    socket.setTcpNoDelay(true);
                    nth = 0;
                }
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                nth++;
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                String path = basePath() + "/items/" + client + "-" + i;
                String request = switch (kind) {
                    case GET -> "GET " + path;
                    case HEAD -> "HEAD " + path;
                    case POST -> "POST " + path;
                    case DELETE_405 -> "DELETE " + path;
                    case FOO_501 -> "FOO " + path;
                    case OPTIONS -> "OPTIONS " + path;
                    case BREW_501 -> "BREW " + path;
                } + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (kind == Kind.POST ? "Content-Length: 2\r\n\r\nhi" : "\r\n");
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Response r = RawHttp.read(in, kind == Kind.HEAD);
                String problem = check(kind, path, r);
                String connection = r.header("Connection");
                boolean announced = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
                boolean byDesign = closesConnectionAfter(r.status(), nth);
                if (problem == null && announced != byDesign) {
                    problem = byDesign ? "the container closes after this response by design, yet did not say so"
                            : "Connection: close after a response the container keeps connections open for";
                }
                if (problem == null && announced) {
                    problem = closedByServer(in);
                }
                if (problem != null) {
                    errors.add(client + "/" + i + " (request " + nth + " on its connection) " + kind + ": " + problem + " <- " + r.statusLine()
                            + " " + r.headers() + " " + r.body());
                    return;
                }
                if (announced) {
                    closedByDesign.increment();
                    socket.close();
                    socket = null;
                }
                if (kind == Kind.GET || kind == Kind.HEAD || kind == Kind.POST) {
                    expectedServletCalls.incrementAndGet();
                }
                counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    /** After a response announcing {@code Connection: close}: null if the server closes (no byte more), else the problem. */
    private static String closedByServer(InputStream in) {
        try {
            return in.read() == -1 ? null : "a byte after a response that announced Connection: close";
        } catch (java.net.SocketTimeoutException stalled) {
            return "Connection: close announced, but the connection stayed open for 20 s";
        } catch (java.io.IOException reset) {
            return null; // closed with a reset: closed all the same
        }
    }

    /** Captures the JUL records at WARNING or above (the whole tree: "" logger) while open. */
    static Warnings julWarnings() {
        return warnings(CapturedLogs.watch("", Level.WARNING));
    }

    /** The JUL lines {@code logs} captures, and Jetty's WARN and ERROR lines where it captures Jetty's log. */
    static Warnings warnings(CapturedLogs logs) {
        return new Warnings() {
            @Override
            public List<String> warnings() {
                List<String> all = new ArrayList<>(logs.lines());
                if (logs.capturesJetty()) {
                    all.addAll(logs.jettyWarnings());
                }
                return all;
            }

            @Override
            public void close() {
                logs.close();
            }
        };
    }

    static String check(Kind kind, String path, RawHttp.Response r) {
        String allow = "GET, HEAD, OPTIONS, POST";
        return switch (kind) {
            case GET, POST -> r.status() == 200 && r.body().equals(kind + " ok") ? null : "expected 200 from the servlet";
            // A stray HEAD body would be read as the next response on this keep-alive connection and fail there.
            case HEAD -> r.status() == 200 ? null : "expected 200";
            case OPTIONS -> r.status() == 200 && allow.equals(r.header("Allow")) && "0".equals(r.header("Content-Length")) ? null : "expected OPTIONS 200";
            case DELETE_405 -> r.status() == 405 && allow.equals(r.header("Allow")) && r.body().equals(
                    "{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"" + WireFormat.MESSAGE_405
                            + "\",\"method\":\"DELETE\",\"path\":\"" + path + "\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}") ? null : "expected 405";
            case FOO_501, BREW_501 -> {
                String m = kind == Kind.FOO_501 ? "FOO" : "BREW";
                yield r.status() == 501 && r.header("Allow") == null && r.body().equals(
                        "{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"" + WireFormat.MESSAGE_501
                                + "\",\"method\":\"" + m + "\",\"path\":\"" + path + "\"}") ? null : "expected 501";
            }
        };
    }
}
