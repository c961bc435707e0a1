package dev.methodguard.it.containers;

import dev.methodguard.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calls these tests make, on the library's one raw-socket client ({@link RawHttp}, from its test-jar): any
 * method token as it is (lowercase {@code get}, {@code TRACE}, {@code FOO}), with {@code Connection: close} or
 * as a keep-alive client reads a response (strict framing).
 */
final class Http {
    private Http() {
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        static Response of(RawHttp.Response r) {
            return new Response(r.status(), r.headers(), r.body());
        }

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

    static final Duration TIMEOUT = RawHttp.TIMEOUT;

    static Response send(int port, String method, String target, String... headerLines) throws IOException {
        return send(TIMEOUT, port, method, target, headerLines);
    }

    /** Sends one request with {@code Connection: close}; {@code timeout} bounds every read. */
    static Response send(Duration timeout, int port, String method, String target, String... headerLines) throws IOException {
        return Response.of(RawHttp.send(timeout, port, method, target, headerLines));
    }

    /**
     * Sends one request as a keep-alive client does and reads the response by its own framing only; no body for a
     * HEAD request (exactly {@code HEAD}). See {@link RawHttp#sendKeepAlive}.
     */
    static Response sendKeepAlive(Duration timeout, int port, String method, String target, String... headerLines) throws IOException {
        return sendKeepAlive(timeout, port, method, target, method.equals("HEAD"), headerLines);
    }

    /** As above; {@code bodyless}: read the response as the answer to a HEAD request (no body whatever its headers say). */
    static Response sendKeepAlive(Duration timeout, int port, String method, String target, boolean bodyless, String... headerLines)
            throws IOException {
        return Response.of(RawHttp.sendKeepAlive(timeout, port, method, target, bodyless, headerLines));
    }
}
