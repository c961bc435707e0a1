package dev.methodguard.examples.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A minimal HTTP/1.1 client over a raw socket to the loopback address: it sends any method token as it is
 * ({@code FOO}, {@code PROPFIND}, lowercase {@code get}), which {@code java.net.http} refuses for some tokens.
 * One request per connection ({@code Connection: close}); the response is read to the end of the stream.
 */
final class RawHttp {
    private static final int TIMEOUT_MS = 5_000;

    /** One response: status, headers in order (names as sent), body (chunked bodies decoded). */
    record Response(int status, List<String[]> headers, String body) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        /** The {@code Allow} header as a set of methods (empty when absent); order and spacing ignored. */
        Set<String> allow() {
            Set<String> methods = new TreeSet<>();
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase("Allow")) {
                    Arrays.stream(h[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(methods::add);
                }
            }
            return methods;
        }

        @Override
        public String toString() {
            return status + " Allow=" + header("Allow") + " Content-Type=" + header("Content-Type") + " body=" + body;
        }
    }

    private RawHttp() {
    }

    static Response send(int port, String method, String path) throws IOException {
        boolean withBody = switch (method.toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
        String body = withBody ? "{\"name\":\"x\"}" : "";
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: application/json\r\n")
                .append("Connection: close\r\n");
        if (withBody) {
            request.append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.length()).append("\r\n");
        }
        request.append("\r\n").append(body);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()), method.equalsIgnoreCase("HEAD"));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw, boolean head) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
        Response partial = new Response(status, headers, "");
        if (!head && "chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, List.copyOf(headers), head ? "" : new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(in, at);
            String sizeLine = new String(in, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in, at, size);
            at += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] in, int from) {
        for (int i = from; i + 1 < in.length; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }
}
