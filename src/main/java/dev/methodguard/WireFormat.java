package dev.methodguard;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The built-in JSON bodies of 405 and 501, byte for byte, in one place. Every constant part is encoded
 * once, when a format or a capability is built; per rejection only the echoed method and path are
 * escaped (by Jackson, so the body is always valid JSON) and copied between them.
 */
final class WireFormat {
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

    final String contentType;
    private final byte[] head405;
    private final byte[] head501;
    private final byte[] middle;
    /** JSON echoes the method first, then the path; problem+json puts {@code instance} (the path) first. */
    private final boolean methodFirst;

    WireFormat(BodyFormat format) {
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

    /** {@code ,"allowed":["GET",...]}}: the end of a 405 body in both formats, built once per capability. */
    static byte[] allowedTail(Collection<String> sortedAllowed) {
        // Method names are validated tokens: no character in them needs JSON escaping.
        StringBuilder b = new StringBuilder(",\"allowed\":[");
        boolean first = true;
        for (String m : sortedAllowed) {
            b.append(first ? "\"" : ",\"").append(m).append('"');
            first = false;
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body of a 405 ending in {@code allowedTail} (a target's {@link #allowedTail}, built once at init()),
     * or of a 501 when it is {@code null}.
     */
    byte[] body(String method, String path, byte[] allowedTail) {
        String m = cut(method, MAX_METHOD);
        String p = cut(path, MAX_PATH);
        byte[] em = escape(m);
        byte[] ep = escape(p);
        byte[] head = allowedTail != null ? head405 : head501;
        byte[] tail = allowedTail != null ? allowedTail : CLOSE_501;
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
