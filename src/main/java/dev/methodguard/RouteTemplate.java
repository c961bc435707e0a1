package dev.methodguard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The grammar of one route template, parsed and validated, with what the rankings of {@link RouteTable} need.
 *
 * <p>A template starts with {@code /}; its segments are separated by {@code /} and each is one of:
 * <ul>
 * <li>a literal, {@code items}, matched case-sensitively;</li>
 * <li>a parameter, {@code {id}}: exactly one non-empty segment;</li>
 * <li>a parameter with a regular expression, {@code {id: \d+}}, honoured exactly (Java regex over the
 *     segment, as Jakarta REST does);</li>
 * <li>a segment mixing literal text and parameters, {@code {id}.json} or {@code v{n}}: turned into one regex
 *     the way Jakarta REST does (literal text quoted, {@code {x}} as {@code [^/]+?}) and honoured exactly, so
 *     it can never stand in for a route it does not match;</li>
 * <li>a catch-all as the last segment, {@code {rest...}} or {@code *}: zero or more remaining segments.
 *     A {@code {x: regex}} whose regex may match {@code /} (anything not provably slash-free, e.g. {@code .*})
 *     is a catch-all too, and its regex must match the whole remaining path.</li>
 * </ul>
 * Regexes are honoured rather than read as plain parameters on purpose: {@code /items/{id: \d+}} read as
 * {@code /items/{id}} would outrank {@code /items/{name}} for {@code /items/abc} and judge that request by
 * a route that does not serve it. A request is judged only by a route that really matches it.
 *
 * <p>Counts for the rankings: <em>literal characters</em> the way Jakarta REST counts them (the characters
 * outside parameters, separating slashes included; a plain catch-all adds nothing, not even its slash, so
 * {@code /files/{rest...}} counts like the locator {@code /files} it stands for), template variables, and
 * variables with a non-default regex.
 */
final class RouteTemplate {
    static final Comparator<RouteTemplate> SPECIFIC_ORDER = (a, b) -> {
        int c = Integer.compare(b.literalChars, a.literalChars);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(a.catchAll, b.catchAll);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.max(a.segments.size(), b.segments.size()); i++) {
            int sa = i < a.segments.size() ? a.segments.get(i).specificity() : -1;
            int sb = i < b.segments.size() ? b.segments.get(i).specificity() : -1;
            if (sa != sb) {
                return Integer.compare(sb, sa);
            }
        }
        return 0;
    };
    static final Comparator<RouteTemplate> JAKARTA_ORDER = (a, b) -> {
        int c = Integer.compare(b.scopeLiteralChars, a.scopeLiteralChars);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.scopeVars, a.scopeVars);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.scopeRegexVars, a.scopeRegexVars);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.literalChars, a.literalChars);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.vars, a.vars);
        return c != 0 ? c : Integer.compare(b.regexVars, a.regexVars);
    };

    final List<Segment> segments = new ArrayList<>();
    int literalChars;
    int vars;
    int regexVars;
    boolean catchAll;
    /** The counts of the route's scope (JAKARTA_REST), by default its own: compared first. */
    int scopeLiteralChars;
    int scopeVars;
    int scopeRegexVars;
    /** Cut at a slash-matching regex that is not last: the route must pass through. */
    boolean approximate;
    String shape;

    static RouteTemplate parse(String template, boolean lenient, String source) {
        try {
            return parse(template, lenient);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route " + Methods.quote(template) + " (" + source + "): " + e.getMessage(), e);
        }
    }

    private static RouteTemplate parse(String template, boolean lenient) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a template must start with '/'");
        }
        RouteTemplate t = new RouteTemplate();
        List<String> raw = split(template);
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty segment (\"//\") at segment " + (i + 1));
            }
            Segment seg = t.segment(s);
            if (seg.kind == Segment.CATCH_ALL && i < raw.size() - 1) {
                if (!lenient || seg.text == null) {
                    throw new IllegalArgumentException("the catch-all " + Methods.quote(s)
                            + " must be the last segment" + (seg.text == null ? "" : " (its regex can match '/')"));
                }
                // Count the rest for the rank, but match from here on as a plain catch-all, passing through.
                for (int j = i + 1; j < raw.size(); j++) {
                    t.segment(raw.get(j));
                }
                t.approximate = true;
                seg = new Segment(Segment.CATCH_ALL, null);
                t.segments.add(seg);
                shape.append("\0*~");
                break;
            }
            t.segments.add(seg);
            shape.append('\0').append(seg.kind).append(seg.text == null ? "" : seg.text);
            if (seg.kind == Segment.CATCH_ALL) {
                t.catchAll = true;
            }
        }
        t.shape = shape.toString();
        t.scopeLiteralChars = t.literalChars;
        t.scopeVars = t.vars;
        t.scopeRegexVars = t.regexVars;
        return t;
    }

    /** Splits at slashes outside braces (a regex may contain '/'); one trailing slash is ignored. */
    private static List<String> split(String template) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 1;
        for (int i = 1; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    throw new IllegalArgumentException("'}' without '{' at index " + i);
                }
                depth--;
            } else if (c == '/' && depth == 0) {
                out.add(template.substring(start, i));
                start = i + 1;
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException("unclosed '{'");
        }
        if (start < template.length()) {
            out.add(template.substring(start));
        }
        return out;
    }

    /** Parses one non-empty segment and adds its counts to this template. */
    private Segment segment(String s) {
        if (s.equals("*")) {
            catchAll = true;
            return new Segment(Segment.CATCH_ALL, null);
        }
        if (s.indexOf('{') < 0) {
            literalChars += 1 + s.length();
            return new Segment(Segment.LITERAL, s);
        }
        // Pieces: literal text and {...} parameters. Braces balance here (split checked them).
        StringBuilder regex = new StringBuilder();
        boolean slashFree = true;
        int params = 0;
        String onlyRegex = null;
        boolean onlyPlain = false;
        int literal = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '{') {
                int j = s.indexOf('{', i);
                j = j < 0 ? s.length() : j;
                regex.append(Pattern.quote(s.substring(i, j)));
                literal += j - i;
                i = j;
                continue;
            }
            int close = closing(s, i);
            String body = s.substring(i + 1, close);
            params++;
            vars++;
            if (body.endsWith("...") && body.indexOf(':') < 0) {
                String name = body.substring(0, body.length() - 3).strip();
                checkName(name);
                if (!(i == 0 && close == s.length() - 1)) {
                    throw new IllegalArgumentException("the catch-all " + Methods.quote("{" + body + "}") + " must be a whole segment");
                }
                vars--; // a plain catch-all counts like the locator it stands for: nothing
                catchAll = true;
                return new Segment(Segment.CATCH_ALL, null);
            }
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).strip();
            checkName(name);
            if (colon < 0) {
                regex.append("([^/]+?)");
                onlyPlain = true;
                onlyRegex = null;
            } else {
                String r = body.substring(colon + 1).strip();
                if (r.isEmpty()) {
                    throw new IllegalArgumentException("parameter " + Methods.quote(name) + " has an empty regex");
                }
                try {
                    Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("parameter " + Methods.quote(name) + " has an invalid regex: "
                            + e.getDescription(), e);
                }
                regexVars++;
                slashFree &= SlashFree.proven(r);
                regex.append('(').append(r).append(')');
                onlyRegex = r;
                onlyPlain = false;
            }
            i = close + 1;
        }
        boolean whole = params == 1 && literal == 0;
        literalChars += 1 + literal;
        if (whole && onlyPlain) {
            return new Segment(Segment.PARAM, null);
        }
        String full = whole ? onlyRegex : regex.toString();
        if (!whole) {
            try {
                Pattern.compile(full);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("segment " + Methods.quote(s) + " does not make a valid regex: "
                        + e.getDescription(), e);
            }
        }
        if (!slashFree) {
            catchAll = true;
            return new Segment(Segment.CATCH_ALL, full);
        }
        return new Segment(Segment.REGEX, full);
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '{'");
    }

    /** Jakarta REST's parameter names: {@code \w[\w.-]*}. */
    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty parameter name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || c == '_';
            if (!(word || (i > 0 && (c == '.' || c == '-')))) {
                throw new IllegalArgumentException("invalid parameter name " + Methods.quote(name)
                        + "; expected a letter, digit or '_', then also '.' or '-'");
            }
        }
    }
    /** One template segment. text: the literal, or the regex (REGEX, and CATCH_ALL with a regex), else null. */
    record Segment(int kind, String text) {
        static final int LITERAL = 0;
        static final int PARAM = 1;
        static final int REGEX = 2;
        static final int CATCH_ALL = 3;

        /** SPECIFIC's left-to-right preference: literal, then regex or mixed, then parameter, then catch-all. */
        int specificity() {
            return switch (kind) {
                case LITERAL -> 3;
                case REGEX -> 2;
                case PARAM -> 1;
                default -> 0;
            };
        }
    }
    /**
     * A conservative proof that a regex cannot match '/': only constructs known not to produce '/' are
     * accepted. Anything else (., \D, \W, \S, \p{..}, \x2F, nested or intersected classes, a negated class
     * that does not exclude '/') is "may match '/'", which makes the parameter a catch-all: matching more
     * segments than it should is safe only because the regex itself is still applied to the whole rest.
     */
    static final class SlashFree {
        private SlashFree() {
        }

        static boolean proven(String r) {
            int i = 0;
            while (i < r.length()) {
                char c = r.charAt(i);
                if (c == '/' || c == '.') {
                    return false;
                }
                if (c == '\\') {
                    if (i + 1 >= r.length() || !safeEscape(r.charAt(i + 1))) {
                        return false;
                    }
                    if (r.charAt(i + 1) == 'Q') {
                        int e = r.indexOf("\\E", i + 2);
                        String quoted = e < 0 ? r.substring(i + 2) : r.substring(i + 2, e);
                        if (quoted.indexOf('/') >= 0) {
                            return false;
                        }
                        i = e < 0 ? r.length() : e + 2;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    int end = classEnd(r, i);
                    if (end < 0) {
                        return false;
                    }
                    i = end + 1;
                    continue;
                }
                i++;
            }
            return true;
        }

        /** Escapes that never match '/': \d \w \s \b \B \t \n \r \f \e \a, \Q, and escaped punctuation but '/'. */
        private static boolean safeEscape(char e) {
            return "dwsbBtnrfeaQ".indexOf(e) >= 0 || (!Character.isLetterOrDigit(e) && e != '/');
        }

        /**
         * Index of the ']' closing a slash-free class opened at {@code open}, or -1 when the class may match '/'
         * (or is too complex to tell).
         */
        private static int classEnd(String r, int open) {
            int i = open + 1;
            boolean negated = i < r.length() && r.charAt(i) == '^';
            if (negated) {
                i++;
            }
            boolean excludesSlash = false;
            boolean first = true;
            int prev = -1;
            while (i < r.length()) {
                char c = r.charAt(i);
                if (c == ']' && !first) {
                    return negated == excludesSlash ? i : -1;
                }
                first = false;
                if (c == '[' || (c == '&' && i + 1 < r.length() && r.charAt(i + 1) == '&')) {
                    return -1;
                }
                int ch;
                if (c == '\\') {
                    if (i + 1 >= r.length()) {
                        return -1;
                    }
                    char e = r.charAt(i + 1);
                    if (e == '/') {
                        ch = '/';
                    } else if ("dws".indexOf(e) >= 0) {
                        ch = -2; // a class without '/'
                    } else if (!Character.isLetterOrDigit(e)) {
                        ch = e;
                    } else {
                        return -1;
                    }
                    i += 2;
                } else if (c == '-' && prev >= 0 && i + 1 < r.length() && r.charAt(i + 1) != ']') {
                    char hi = r.charAt(i + 1);
                    if (hi == '\\' || hi == '[') {
                        return -1;
                    }
                    if (prev <= '/' && '/' <= hi) {
                        if (!negated) {
                            return -1;
                        }
                        excludesSlash = true;
                    }
                    i += 2;
                    prev = -1;
                    continue;
                } else {
                    ch = c;
                    i++;
                }
                if (ch == '/') {
                    if (!negated) {
                        return -1;
                    }
                    excludesSlash = true;
                }
                prev = ch;
            }
            return -1;
        }
    }
}
