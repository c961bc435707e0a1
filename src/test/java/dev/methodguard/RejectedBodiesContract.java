package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rejected request may carry a body the filter never reads. The bytes of that body must never be
 * parsed as the next request on the connection (request smuggling): the request pipelined behind it gets
 * its own correct answer, or the connection is closed cleanly. Every body here is made of text that looks
 * like {@code GET /items/smuggled HTTP/1.1}, so a framing mistake shows up as a servlet call for
 * "/items/smuggled" or as an extra response. Subclasses run it on a container with the filter in front of
 * a GET-only servlet ({@link Items} on /items/*) and known-methods POST, PUT, PATCH (so they get 405).
 */
abstract class RejectedBodiesContract {
    static final int MIB = 1 << 20;
    static final byte[] SMUGGLE = "GET /items/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** GET only (introspected); records every path it serves. */
    static class Items extends TestServlets.Counting {
        final List<String> paths = new CopyOnWriteArrayList<>();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            paths.add(req.getRequestURI());
            ok(req, resp);
        }
    }

    /** The port of the container under test. */
    abstract int port();

    /** The servlet the container serves on /items/*. */
    abstract Items items();

    /** A label for the printed observations. */
    abstract String container();

    @BeforeEach
    void reset() {
        items().calls.set(0);
        items().paths.clear();
    }

    static byte[] body(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = SMUGGLE[i % SMUGGLE.length];
        }
        return b;
    }

    static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunk * 8 + 16);
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static final byte[] SECOND = ascii("GET /items/second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    /** What came back on the connection after the rejection. */
    record Outcome(List<Integer> interim, RawHttp.Response first, RawHttp.Response second, String after) {
    }

    /**
     * Writes {@code head}, then (from another thread, as the server may stop reading) {@code rest}, and
     * reads: the first response, the second one or a close, and whatever else arrives within a moment.
     * With {@code waitForFirst} the rest is sent only after the first response (Expect: 100-continue).
     */
    Outcome exchange(byte[] head, byte[] rest, boolean waitForFirst) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            out.flush();
            Thread writer = null;
            RawHttp.Response first = null;
            List<Integer> interim = new java.util.ArrayList<>();
            if (waitForFirst) {
                first = finalResponse(in, interim);
            }
            writer = new Thread(() -> {
                try {
                    out.write(rest);
                    out.flush();
                } catch (IOException serverStoppedReading) {
                    // the server closed the connection: allowed
                }
            }, "body-writer");
            writer.setDaemon(true);
            writer.start();
            if (first == null) {
                first = finalResponse(in, interim);
            }
            RawHttp.Response second;
            try {
                second = RawHttp.read(in, false);
            } catch (SocketTimeoutException stalled) {
                throw new AssertionError("the connection was neither answered nor closed within 10 s after the rejection", stalled);
            } catch (IOException closed) {
                second = null; // "connection closed before a response", or a reset: a clean refusal either way
            }
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            if (second != null) {
                // Keep whatever arrives until a quiet moment or the close (at most 64 KiB): an extra response
                // here would answer bytes of the rejected body.
                socket.setSoTimeout(300);
                byte[] buffer = new byte[4096];
                try {
                    for (int n; more.size() < 65_536 && (n = in.read(buffer)) != -1; ) {
                        more.write(buffer, 0, n);
                    }
                } catch (SocketTimeoutException | java.net.SocketException quiet) {
                    // nothing more arrived: good
                }
            }
            String after = more.toString(StandardCharsets.ISO_8859_1);
            writer.join(10_000);
            return new Outcome(interim, first, second, after);
        }
    }

    /** The next final response, noting any interim (1xx) ones before it, e.g. 100 Continue. */
    static RawHttp.Response finalResponse(InputStream in, List<Integer> interim) throws IOException {
        RawHttp.Response r = RawHttp.read(in, false);
        while (r.status() >= 100 && r.status() < 200) {
            interim.add(r.status());
            r = RawHttp.read(in, false);
        }
        return r;
    }

    void assertRejectedAndNothingSmuggled(String kind, String method, Outcome o) {
        Items items = items();
        assertEquals(405, o.first().status(), o.first().statusLine());
        assertEquals("application/json", o.first().header("Content-Type"));
        assertTrue(o.first().body().contains("\"method\":\"" + method + "\""), o.first().body());
        if (o.second() != null) {
            assertEquals(200, o.second().status(), "second response: " + o.second().statusLine() + " " + o.second().body());
            assertEquals("GET ok", o.second().body());
            assertEquals(List.of("/items/second"), items.paths, "the servlet served something other than the second request");
        } else {
            assertEquals(List.of(), items.paths, "the connection was closed, yet the servlet ran");
        }
        assertEquals("", o.after(), "bytes after the second response: a response to smuggled body bytes");
        assertTrue(items.paths.stream().noneMatch(p -> p.contains("smuggled")), "a body was parsed as a request: " + items.paths);
        System.out.printf("[BodiesOnRejectedRequests] %s %s %s: interim=%s, 405 Connection header=%s, then %s%n", container(), method, kind,
                o.interim(), o.first().header("Connection"), o.second() == null ? "closed after the rejection" : "second request answered on the same connection");
    }

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "POST", "PATCH"})
        void ofOneMebibyteByContentLengthDoesNotSmuggleItsBody(String method) throws Exception {
            byte[] head = ascii(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: " + MIB + "\r\n\r\n");
            byte[] rest = concat(body(MIB), SECOND);
            assertRejectedAndNothingSmuggled("1 MiB Content-Length", method, exchange(head, rest, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "POST", "PATCH"})
        void ofOneMebibyteChunkedDoesNotSmuggleItsBody(String method) throws Exception {
            byte[] head = ascii(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] rest = concat(chunked(body(MIB), 8192), SECOND);
            assertRejectedAndNothingSmuggled("1 MiB chunked", method, exchange(head, rest, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "POST", "PATCH"})
        void withExpectContinueIsAnsweredAndItsLateBodyIsNotSmuggled(String method) throws Exception {
            byte[] head = ascii(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: "
                    + MIB + "\r\n\r\n");
            // A client that ignores the final answer and sends its body anyway, then a second request.
            Outcome o = exchange(head, concat(body(MIB), SECOND), true);
            assertRejectedAndNothingSmuggled("Expect 100-continue + 1 MiB", method, o);
            checkExpectContinue(o);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "POST", "PATCH"})
        void ofAFewBytesDoesNotSmuggleItsBody(String method) throws Exception {
            byte[] small = body(SMUGGLE.length * 2);
            byte[] head = ascii(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: " + small.length + "\r\n\r\n");
            assertRejectedAndNothingSmuggled("small Content-Length", method, exchange(head, concat(small, SECOND), false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "POST", "PATCH"})
        void ofAFewBytesChunkedDoesNotSmuggleItsBody(String method) throws Exception {
            byte[] head = ascii(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertRejectedAndNothingSmuggled("small chunked", method, exchange(head, concat(chunked(body(SMUGGLE.length * 2), 16), SECOND), false));
        }

    /** What the container may send before its final answer to an Expect: 100-continue request. */
    abstract void checkExpectContinue(Outcome o);

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }


}
