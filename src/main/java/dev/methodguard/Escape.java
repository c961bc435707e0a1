package dev.methodguard;

/** Makes untrusted text safe for one log line: no control characters, bounded length. */
final class Escape {
    private Escape() {
    }

    /**
     * Keeps printable ASCII and letters beyond ASCII, writes everything else (CR, LF, ESC, other
     * controls, lone surrogates) as {@code \\uXXXX}, escapes the backslash itself, and cuts the
     * result after {@code max} input characters with a trailing {@code ...}.
     */
    static String forLog(String s, int max) {
        if (s == null) {
            return "null";
        }
        int n = Math.min(s.length(), max);
        StringBuilder b = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else if (c > 0x9f && !Character.isSurrogate(c) && c != 0x2028 && c != 0x2029) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        if (s.length() > max) {
            b.append("...");
        }
        return b.toString();
    }
}
