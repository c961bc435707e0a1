package dev.methodguard;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes MethodGuard's own answers: 405 and 501 with a JSON body, and OPTIONS.
 *
 * <p>Every constant part of a body is encoded once, here, for the chosen format; per request only the
 * echoed method and path are escaped (by Jackson, so the body is always valid JSON) and copied in.
 * The filter writes status, headers and body itself, never {@code sendError}: no container error page
 * or error dispatch is involved.
 */
final class ResponseWriter {
    /** Echoed methods longer than this are cut and marked {@code "methodTruncated":true}. */
    static final int MAX_METHOD = 64;
    /** Echoed paths longer than this are cut and marked {@code "pathTruncated":true}, bounding every body. */
    static final int MAX_PATH = 2048;

    static final String MESSAGE_405 = "The method is not allowed for the requested resource.";
    static final String MESSAGE_501 = "The server does not implement the requested method.";

    private static final byte[] QUOTE = ascii("\"");
    private static final byte[] CLOSE_501 = ascii("}");
    private static final byte[] METHOD_CUT = ascii(",\"methodTruncated\":true");
    private static final byte[] PATH_CUT = ascii(",\"pathTruncated\":true");

    private final BodyFormat format;
    private final String contentType;
    private final byte[] head405;
    private final byte[] head501;
    private final byte[] middle;
    /** JSON echoes the method first, then the path; problem+json puts {@code instance} (the path) first. */
    private final boolean methodFirst;

    ResponseWriter(BodyFormat format) {
        this.format = format;
        this.contentType = format.contentType();
        if (format == BodyFormat.JSON) {
            head405 = ascii("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"" + MESSAGE_405 + "\",\"method\":\"");
            head501 = ascii("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"" + MESSAGE_501 + "\",\"method\":\"");
            middle = ascii("\",\"path\":\"");
            methodFirst = true;
        } else {
            head405 = ascii("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\"" + MESSAGE_405 + "\",\"instance\":\"");
            head501 = ascii("{\"type\":\"about:blank\",\"title\":\"Not Implemented\",\"status\":501,\"detail\":\"" + MESSAGE_501 + "\",\"instance\":\"");
            middle = ascii("\",\"method\":\"");
            methodFirst = false;
        }
    }

    BodyFormat format() {
        return format;
    }

    /** 405 with {@code Allow} when {@code capability} is given, else 501. HEAD gets the headers and no body. */
    void reject(HttpServletResponse response, String method, String path, Capability capability, boolean head) throws IOException {
        byte[] body = body(method, path, capability);
        if (capability != null) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", capability.allowHeader);
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
        }
        // 405 and 501 are heuristically cacheable (RFC 9110 §15.1): a rejection must not stick in a cache.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    /** OPTIONS on a declared resource: 200, {@code Allow}, no content (RFC 9110 §9.3.7). */
    void options(HttpServletResponse response, Capability capability) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Allow", capability.allowHeader);
        response.setContentLength(0);
    }

    byte[] body(String method, String path, Capability capability) {
        String m = cut(method, MAX_METHOD);
        String p = cut(path, MAX_PATH);
        byte[] em = escape(m);
        byte[] ep = escape(p);
        byte[] head = capability != null ? head405 : head501;
        byte[] tail = capability != null ? capability.allowedJsonTail : CLOSE_501;
        boolean methodCut = m.length() != method.length();
        boolean pathCut = p.length() != path.length();
        int n = head.length + em.length + middle.length + ep.length + QUOTE.length
                + (methodCut ? METHOD_CUT.length : 0) + (pathCut ? PATH_CUT.length : 0) + tail.length;
        byte[] out = new byte[n];
        int at = put(out, 0, head);
        at = put(out, at, methodFirst ? em : ep);
        at = put(out, at, middle);
        at = put(out, at, methodFirst ? ep : em);
        at = put(out, at, QUOTE);
        if (methodCut) {
            at = put(out, at, METHOD_CUT);
        }
        if (pathCut) {
            at = put(out, at, PATH_CUT);
        }
        put(out, at, tail);
        return out;
    }

    /** Cuts at {@code max} characters, never between the two halves of a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static byte[] escape(String s) {
        try {
            return JsonStringEncoder.getInstance().quoteAsUTF8(s);
        } catch (IllegalArgumentException brokenSurrogate) {
            // A lone surrogate cannot be encoded as UTF-8; answer with U+FFFD in its place rather than fail.
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            }
            return JsonStringEncoder.getInstance().quoteAsUTF8(b.toString());
        }
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
