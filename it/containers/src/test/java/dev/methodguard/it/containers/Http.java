package dev.methodguard.it.containers;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket to 127.0.0.1: it sends any method token as it is
 * (lowercase {@code get}, {@code TRACE}, {@code FOO}), which Java's HttpClient does not all allow.
 */
final class Http {
    private Http() {
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header (name in any case), {@code null} if absent. */
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static Response send(int port, String method, String target, String... headerLines) throws IOException {
        return send(TIMEOUT, port, method, target, headerLines);
    }

    /** Sends one request with {@code Connection: close}; {@code timeout} bounds every read. */
    static Response send(Duration timeout, int port, String method, String target, String... headerLines) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request(port, method, target, true, headerLines));
            out.flush();
            return read(socket.getInputStream(), method.equals("HEAD"), false);
        }
    }

    /**
     * Sends one request as a keep-alive client does (no {@code Connection: close}) and reads the response by
     * its own framing only: Content-Length or chunked, no body for a HEAD request (exactly {@code HEAD}) or a
     * 204/304. A response whose declared body does not arrive within {@code timeout} (a client would hang on
     * it) fails with an {@link IOException} saying so.
     */
    static Response sendKeepAlive(Duration timeout, int port, String method, String target, String... headerLines) throws IOException {
        return sendKeepAlive(timeout, port, method, target, method.equals("HEAD"), headerLines);
    }

    /** As above; {@code bodyless}: read the response as the answer to a HEAD request (no body whatever its headers say). */
    static Response sendKeepAlive(Duration timeout, int port, String method, String target, boolean bodyless, String... headerLines)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request(port, method, target, false, headerLines));
            out.flush();
            return read(socket.getInputStream(), bodyless, true);
        }
    }

    private static byte[] request(int port, String method, String target, boolean close, String... headerLines) {
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

    private static Response read(InputStream in, boolean head, boolean strict) throws IOException {
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
        List<String> cl = headers.get("content-length");
        List<String> te = headers.get("transfer-encoding");
        byte[] body;
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (cl != null) {
            int declared = Integer.parseInt(cl.get(0));
            try {
                body = in.readNBytes(declared);
            } catch (SocketTimeoutException e) {
                throw new IOException("not well framed: " + statusLine + " " + headers + " declares Content-Length " + declared
                        + " but the body did not arrive (a keep-alive client hangs here)", e);
            }
            if (strict && body.length != declared) {
                throw new IOException("not well framed: " + statusLine + " " + headers + " declares Content-Length " + declared
                        + " but the connection closed after " + body.length + " bytes");
            }
        } else {
            try {
                body = in.readAllBytes(); // delimited by the server closing the connection
            } catch (SocketTimeoutException e) {
                throw new IOException("not well framed: " + statusLine + " " + headers + " has no Content-Length, is not chunked"
                        + " and the connection stayed open", e);
            }
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
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
