package dev.methodguard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket to 127.0.0.1: it sends any method token, any target and
 * any header byte for byte (Java's HttpClient refuses some), and reads one response.
 *
 * <p>Public, and published in the test-jar ({@code <classifier>tests</classifier>}), so that other builds'
 * tests (e.g. it/containers) use this client instead of a copy.
 */
public final class RawHttp {
    private RawHttp() {
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

    /** Sends one request with {@code Connection: close} and reads its response. */
    public static Response send(int port, String method, String target, String... headerLines) throws IOException {
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String h : headerLines) {
            req.append(h).append("\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        return exchange(port, req.toString().getBytes(StandardCharsets.ISO_8859_1), method.equals("HEAD"));
    }

    /** One request with a body (Content-Length framed), then Connection: close. */
    public static Response sendBody(int port, String method, String target, String body, String... headerLines) throws IOException {
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String h : headerLines) {
            req.append(h).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        req.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        byte[] head = req.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return exchange(port, all, method.equals("HEAD"));
    }

    /**
     * Sends raw bytes (one request, ending in Connection: close) and reads the single response. A response
     * to HEAD has no body by definition, so {@link #read} stops after its headers; here the connection is
     * read to its close and anything the server sent after the headers is returned as the body, so that a
     * test asserting an empty HEAD body can fail.
     */
    public static Response exchange(int port, byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            Response r = read(in, head);
            if (head) {
                byte[] after = in.readNBytes(1 << 20);
                r = new Response(r.statusLine(), r.status(), r.headers(), new String(after, StandardCharsets.UTF_8));
            }
            return r;
        }
    }

    /** Reads one response: status line, headers, then a Content-Length, chunked or read-to-close body. */
    public static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body;
        List<String> cl = headers.get("content-length");
        List<String> te = headers.get("transfer-encoding");
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (cl != null) {
            body = in.readNBytes(Integer.parseInt(cl.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return out.toByteArray();
                    }
                }
            }
            out.write(in.readNBytes(n));
            line(in);
        }
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
