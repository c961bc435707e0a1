package dev.methodguard;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Method tokens: validation and parsing of comma-separated lists. */
final class Methods {
    static final String GET = "GET";
    static final String HEAD = "HEAD";
    static final String OPTIONS = "OPTIONS";
    static final String TRACE = "TRACE";

    static final String TOKEN_RULE = "an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~";

    private Methods() {
    }

    /** RFC 9110 §5.6.2: {@code token = 1*tchar}. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * Parses {@code "GET, PUT"}: blanks around commas and duplicates are fine; an empty list, an empty
     * entry or an entry that is not a token is rejected with a message naming it.
     */
    static Set<String> parseList(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the list is empty; expected methods separated by commas, e.g. \"GET, POST\"");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String m = part.strip();
            if (m.isEmpty()) {
                throw new IllegalArgumentException("the list has an empty entry; expected methods separated by commas, e.g. \"GET, POST\"");
            }
            out.add(checkToken(m));
        }
        return out;
    }

    /** Validates already separated methods, e.g. from an annotation or a builder call. */
    static Set<String> validate(Collection<String> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods given; expected at least one, e.g. \"GET\"");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : methods) {
            out.add(checkToken(m));
        }
        return out;
    }

    private static String checkToken(String m) {
        if (!isToken(m)) {
            throw new IllegalArgumentException(quote(m) + " is not a valid method; expected " + TOKEN_RULE);
        }
        return m;
    }

    /** Quotes a configuration value for an error message, escaping what a terminal would hide. */
    static String quote(String s) {
        return s == null ? "null" : "'" + Escape.forLog(s, 200) + "'";
    }
}
