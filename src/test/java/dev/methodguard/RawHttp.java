package dev.methodguard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket to 127.0.0.1: it sends any method token (lowercase {@code get},
 * {@code TRACE}, {@code FOO}), any target and any header byte for byte, which Java's HttpClient does not all
 * allow, and reads one response in one of three {@link Framing}s.
 *
 * <p>Public, and published in the test-jar ({@code <classifier>tests</classifier>}), so that every build's tests
 * (it/containers, it/jakarta-rest, it/faces) use this one client instead of a copy.
 */
public final class RawHttp {
    /** The read timeout of the methods that take none. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RawHttp() {
    }

    /** How the end of a response is found. */
    public enum Framing {
        /**
         * By its headers: chunked, else Content-Length, else the server's close; no body for a HEAD request or
         * a 1xx, 204 or 304. A body cut short by the close is what arrived (the request said Connection: close).
         */
        LENIENT,
        /**
         * As a keep-alive client finds it, by chunked or Content-Length only (no body for a HEAD request or a
         * 204/304): a declared body that does not arrive within the timeout, or is cut short by a close, fails
         * with an {@link IOException} saying "not well framed" (a keep-alive client would hang or misread).
         */
        STRICT,
        /**
         * Everything the server sends after the headers until it closes, de-chunked if chunked: the client
         * takes no view of which methods have a body, so that a server's own (is {@code head} HEAD?) cannot
         * confuse it.
         */
        TO_CLOSE
    }

    /** One response: status line, status, headers (names lower-cased, in order) and body as UTF-8. */
    public record Response(String statusLine, int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header, case-insensitive name; {@code null} if absent. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        /** Every value of a header, case-insensitive name; empty if absent. */
        public List<String> headerValues(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** Sends one request with {@code Connection: close} and reads its response ({@link Framing#LENIENT}). */
    public static Response send(int port, String method, String target, String... headerLines) throws IOException {
        return send(TIMEOUT, port, method, target, headerLines);
    }

    /** As {@link #send(int, String, String, String...)}; {@code timeout} bounds every read. */
    public static Response send(Duration timeout, int port, String method, String target, String... headerLines)
            throws IOException {
        return exchange(timeout, port, request(port, method, target, true, headerLines), method.equals("HEAD"), Framing.LENIENT);
    }

    /**
     * Sends one request with {@code Connection: close} and reads everything to the server's close
     * ({@link Framing#TO_CLOSE}); {@code timeout} bounds every read.
     */
    public static Response sendToClose(Duration timeout, int port, String method, String target, String... headerLines)
            throws IOException {
        return exchange(timeout, port, request(port, method, target, true, headerLines), false, Framing.TO_CLOSE);
    }

    /**
     * Sends one request as a keep-alive client does (no {@code Connection: close}) and reads the response by its
     * own framing only ({@link Framing#STRICT}); {@code bodyless}: read it as the answer to a HEAD request (no
     * body whatever its headers say), as a client that sent HEAD does.
     */
    public static Response sendKeepAlive(Duration timeout, int port, String method, String target, boolean bodyless,
            String... headerLines) throws IOException {
        return exchange(timeout, port, request(port, method, target, false, headerLines), bodyless, Framing.STRICT);
    }

    /** One request with a body (Content-Length framed), then Connection: close. */
    public static Response sendBody(int port, String method, String target, String body, String... headerLines) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String[] withLength = Arrays.copyOf(headerLines, headerLines.length + 1);
        withLength[headerLines.length] = "Content-Length: " + bytes.length;
        byte[] head = request(port, method, target, true, withLength);
        byte[] all = Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return exchange(port, all, method.equals("HEAD"));
    }

    /**
     * The bytes of a request head: request line, {@code Host}, the header lines as given, then
     * {@code Connection: close} if {@code close}, then the empty line.
     */
    public static byte[] request(int port, String method, String target, boolean close, String... headerLines) {
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String h : headerLines) {
            req.append(h).append("\r\n");
        }
        if (close) {
            req.append("Connection: close\r\n");
        }
        return req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends raw bytes (one request, ending in Connection: close) and reads the single response; see below. */
    public static Response exchange(int port, byte[] request, boolean head) throws IOException {
        return exchange(TIMEOUT, port, request, head, Framing.LENIENT);
    }

    /**
     * Sends raw bytes and reads the single response in {@code framing}. A response to HEAD has no body by
     * definition, so {@link #read} stops after its headers; on a connection the request closes (not
     * {@link Framing#STRICT}) the connection is then read to its close and anything the server sent after the
     * headers is returned as the body, so that a test asserting an empty HEAD body can fail.
     */
    public static Response exchange(Duration timeout, int port, byte[] request, boolean head, Framing framing)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            Response r = read(in, head, framing);
            if (head && framing == Framing.LENIENT) {
                byte[] after = in.readNBytes(1 << 20);
                r = new Response(r.statusLine(), r.status(), r.headers(), new String(after, StandardCharsets.UTF_8));
            }
            return r;
        }
    }

    /** Reads one response ({@link Framing#LENIENT}): status line, headers, then its body. */
    public static Response read(InputStream in, boolean head) throws IOException {
        return read(in, head, Framing.LENIENT);
    }

    /**
     * Reads one response: status line, headers, then a body found as {@code framing} says. A read that times out
     * fails with a {@link SocketTimeoutException} that names the response it was reading.
     */
    public static Response read(InputStream in, boolean head, Framing framing) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String seen = statusLine + " " + headers;
        List<String> cl = headers.get("content-length");
        List<String> te = headers.get("transfer-encoding");
        boolean chunked = te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked");
        boolean strict = framing == Framing.STRICT;
        byte[] body;
        if (framing == Framing.TO_CLOSE) {
            byte[] rest = timed(in::readAllBytes, seen + " was read to the close, but the connection stayed open");
            body = chunked ? chunked(new java.io.ByteArrayInputStream(rest), seen, false) : rest;
        } else if (head || status == 204 || status == 304 || (!strict && status >= 100 && status < 200)) {
            body = new byte[0];
        } else if (chunked) {
            body = chunked(in, seen, strict);
        } else if (cl != null) {
            int declared = Integer.parseInt(cl.get(0));
            body = timed(() -> in.readNBytes(declared), seen + " declares Content-Length " + declared
                    + " but the body did not arrive (a keep-alive client hangs here)");
            if (strict && body.length != declared) {
                throw new IOException("not well framed: " + seen + " declares Content-Length " + declared
                        + " but the connection closed after " + body.length + " bytes");
            }
        } else {
            // Delimited by the server closing the connection.
            body = timed(in::readAllBytes, seen + " has no Content-Length, is not chunked and the connection stayed open");
        }
        return new Response(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private interface Read<T> {
        T get() throws IOException;
    }

    private static <T> T timed(Read<T> read, String stalled) throws IOException {
        try {
            return read.get();
        } catch (SocketTimeoutException e) {
            SocketTimeoutException named = new SocketTimeoutException("not well framed: " + stalled);
            named.initCause(e);
            throw named;
        }
    }

    /** A chunked body; a close before the last chunk is what arrived, or, {@code strict}, not well framed. */
    private static byte[] chunked(InputStream in, String seen, boolean strict) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = timedLine(in, seen);
            if (size == null) {
                if (strict) {
                    throw new IOException("not well framed: " + seen + " is chunked but the connection closed before its last chunk");
                }
                return out.toByteArray();
            }
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                for (String trailer = timedLine(in, seen); trailer != null && !trailer.isEmpty(); trailer = timedLine(in, seen)) {
                    // trailers are read and dropped
                }
                return out.toByteArray();
            }
            out.write(timed(() -> in.readNBytes(n), seen + " is chunked but a chunk did not arrive"));
            timedLine(in, seen);
        }
    }

    private static String timedLine(InputStream in, String seen) throws IOException {
        return timed(() -> line(in), seen + " is chunked but its last chunk did not arrive");
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
