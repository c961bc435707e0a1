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
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent keep-alive clients, 200 mixed requests each: allowed (GET, HEAD, POST), 405, 501 and
 * OPTIONS. Every response must be exactly right, the servlet must run exactly for the allowed ones, and
 * the server must log no warning or error (Jetty's log and JUL, where MethodGuard logs) during the run.
 */
class LoadIT {
    static final int CLIENTS = 32;
    static final int PER_CLIENT = 200;

    enum Kind { GET, HEAD, POST, DELETE_405, FOO_501, OPTIONS, BREW_501 }

    @Test
    void thirtyTwoClientsGetOnlyCorrectAnswersAndTheLogStaysQuiet() throws Exception {
        TestServlets.GetPost servlet = new TestServlets.GetPost();
        try (TestJetty jetty = TestJetty.app()
                .servlet("items", servlet, "/items/*")
                .filter(new MethodGuardFilter())
                .filterParam("known-methods", "DELETE")
                .start()) {
            Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();
            AtomicInteger expectedServletCalls = new AtomicInteger();
            List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            long t0;
            List<LogRecord> records;
            List<String> jettyWarnings;
            try (CapturedLogs logs = CapturedLogs.start("", Level.WARNING)) {
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        go.await();
                        client(jetty.port, client, counts, expectedServletCalls, errors);
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
                records = logs.records();
                jettyWarnings = logs.jettyWarnings();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[LoadIT] %s %d clients x %d requests in %d ms: %s%n", TestJetty.EE, CLIENTS, PER_CLIENT, ms, counts);
            assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 20)));
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
            assertEquals((long) CLIENTS * PER_CLIENT, total);
            assertEquals(expectedServletCalls.get(), servlet.calls.get(), "servlet calls");
            assertEquals(List.of(), records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList(),
                    "JUL warnings during the run");
            assertEquals(List.of(), jettyWarnings, "Jetty warnings during the run");
        }
    }

    private static void client(int port, int client, Map<Kind, LongAdder> counts, AtomicInteger expectedServletCalls,
                               List<String> errors) throws Exception {
        SplittableRandom random = new SplittableRandom(client);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < PER_CLIENT; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                String path = "/items/" + client + "-" + i;
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
                if (problem != null) {
                    errors.add(client + "/" + i + " " + kind + ": " + problem + " <- " + r.statusLine() + " " + r.headers() + " " + r.body());
                    return;
                }
                if (kind == Kind.GET || kind == Kind.HEAD || kind == Kind.POST) {
                    expectedServletCalls.incrementAndGet();
                }
                counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
            }
        }
    }

    private static String check(Kind kind, String path, RawHttp.Response r) {
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
