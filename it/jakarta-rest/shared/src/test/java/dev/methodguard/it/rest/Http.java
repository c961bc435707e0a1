package dev.methodguard.it.rest;

import dev.methodguard.RawHttp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one call the sweep makes, on the library's raw-socket client ({@link RawHttp}, from its test-jar): any
 * method token is sent as it is (lowercase {@code get}, {@code TRACE}, {@code FOO}, {@code PROPFIND}), which
 * Java's own clients do not all allow. Every request says {@code Connection: close} and the response is read to
 * the end of the stream ({@link RawHttp.Framing#TO_CLOSE}), so that a server's own idea of which methods have a
 * body (is {@code head} HEAD?) cannot confuse the client.
 */
final class Http {
    private Http() {
    }

    /** Status, headers (names lower case, first value) and body text. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Response send(int port, String method, String target) throws IOException {
        String upper = method.toUpperCase(Locale.ROOT);
        boolean body = !(upper.equals("GET") || upper.equals("HEAD") || upper.equals("OPTIONS") || upper.equals("TRACE")
                || upper.equals("DELETE"));
        RawHttp.Response r = body
                ? RawHttp.sendToClose(RawHttp.TIMEOUT, port, method, target, "Content-Length: 0")
                : RawHttp.sendToClose(RawHttp.TIMEOUT, port, method, target);
        Map<String, String> first = new LinkedHashMap<>();
        r.headers().forEach((name, values) -> first.put(name, values.get(0)));
        return new Response(r.status(), first, r.body());
    }
}
