package dev.methodguard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The methods of each path template of one front-controller servlet (Jersey, RESTEasy, Spring's
 * DispatcherServlet), so that MethodGuard can judge a request by the route that will serve it rather than
 * by the servlet as a whole. Paths are relative to the servlet's mapping: the request's pathInfo for
 * {@code /api/*}, its servletPath for {@code /}.
 *
 * <h2>Templates</h2>
 * A template starts with {@code /}; its segments are separated by {@code /} and each is one of:
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
 * <p>A trailing slash on a template or a request path is ignored; {@code /} and the empty path (or {@code null})
 * match the route {@code /}; an empty request segment ({@code //}) matches no literal or parameter, only a
 * catch-all. Paths are matched as given (the container has decoded them).
 *
 * <h2>Ranking: which route wins when several match</h2>
 * Both rankings first count <em>literal characters</em> the way Jakarta REST does: the characters of the
 * template outside parameters, separating slashes included (a plain catch-all adds nothing, not even its
 * slash, so {@code /files/{rest...}} counts like the locator {@code /files} it stands for).
 * <ul>
 * <li>{@link Ranking#SPECIFIC}, for explicit tables: most literal characters wins; then the route without a
 *     catch-all; then, segment by segment from the left, a literal beats a regex or mixed segment, which
 *     beats a plain parameter, which beats a catch-all; then the earlier line. Two routes of identical shape
 *     ({@code /items/{id}} and {@code /items/{x}}) are an error: one of them could never be chosen. So is a
 *     catch-all, or a slash-matching regex, that is not the last segment.</li>
 * <li>{@link Ranking#JAKARTA_REST} (Jakarta REST 3.1 §3.7.2): most literal characters, then most template
 *     variables, then most variables with a non-default regex, then the earlier route. These keys are compared
 *     first for the route's {@link Route#scope() scope} (its resource class's {@code @Path}: the class is
 *     chosen first), then for its whole template (the method within the class). Identically shaped
 *     routes (one path served by methods of several classes) are merged: the union of their methods, and a
 *     pass-through route absorbs the others. A slash-matching regex that is not in the last segment cannot be
 *     matched segment by segment: the route is cut there into a pass-through catch-all (it then passes
 *     through a few paths it does not really match, which is safe; it keeps the rank of its full template).</li>
 * </ul>
 *
 * <h2>Matching</h2>
 * {@link #match} walks a segment trie, trying literal, regex and parameter children and the catch-alls of
 * each node, and keeps the best-ranked route that matches; a subtree whose best rank cannot beat the route
 * already found is skipped. Literal children are found by a hash computed over the path region with
 * {@code charAt} and verified with {@code regionMatches}: nothing is allocated. Regexes run on a
 * {@link Matcher} kept per thread and per pattern (created on a thread's first use of that pattern, reused
 * afterwards), over a region of the path string.
 */
final class RouteTable {
    /**
     * One route. {@code methods == null} means "pass through" (e.g. a Jakarta REST sub-resource locator
     * subtree): MethodGuard must not judge it. {@code source} says where the route came from, for messages.
     * {@code scope}, used by {@link Ranking#JAKARTA_REST} only, is the template that ranks first: the
     * {@code @Path} of the resource class the route belongs to (Jakarta REST picks the class first, §3.7.2
     * step 1, then the method within it); {@code null} means the route's own template.
     */
    record Route(String template, Set<String> methods, String source, String scope) {
        Route {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(source, "source");
            methods = methods == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(methods));
        }

        Route(String template, Set<String> methods, String source) {
            this(template, methods, source, null);
        }
    }

    /**
     * The scope that marks a fallback route ({@link MethodGuardFilter.Routes#fallback}), compared by identity: it
     * ranks after every other route, and joins the methods of the routes matching a path only where no other
     * route matches it (a front controller that consults it last, as Spring MVC does its static resources).
     */
    static final String FALLBACK = new String("(fallback)");

    /** How ties between matching routes are broken; see the class comment. */
    enum Ranking { SPECIFIC, JAKARTA_REST }

    private final List<Route> routes;
    /** rank[i] is route i's position in ranking order: 0 is the best. */
    private final int[] rank;
    private final Node root;
    private final Pattern[] patterns;
    /** One Matcher per pattern per thread; null when the table has no regex. Values are JDK classes only. */
    private final ThreadLocal<Matcher[]> matchers;

    /**
     * Jakarta REST: a catch-all regex ({@code {path: .*}}) needs at least one segment. Jersey and RESTEasy
     * match it against what follows the class path's slash, so {@code /files} and {@code /files/} are the
     * class's own, not the catch-all's.
     */
    private final boolean catchAllRegexNeedsSegment;

    private RouteTable(List<Route> routes, int[] rank, Node root, Pattern[] patterns, boolean catchAllRegexNeedsSegment) {
        this.catchAllRegexNeedsSegment = catchAllRegexNeedsSegment;
        this.routes = routes;
        this.rank = rank;
        this.root = root;
        this.patterns = patterns;
        this.matchers = patterns.length == 0 ? null : new ThreadLocal<>();
    }

    /**
     * Validates the routes and builds the table. An invalid template, an invalid method, or (with
     * {@link Ranking#SPECIFIC}) two routes of the same shape throw an {@link IllegalArgumentException} naming
     * the template(s), their source and the reason.
     */
    static RouteTable of(List<Route> routes, Ranking ranking) {
        Objects.requireNonNull(ranking, "ranking");
        boolean lenient = ranking == Ranking.JAKARTA_REST;
        // Parse everything first, merging (or rejecting) identical shapes.
        Map<String, Integer> byShape = new HashMap<>();
        List<Route> kept = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (Route r : routes) {
            Template t = Template.parse(r.template(), lenient, r.source());
            t.fallback = r.scope() == FALLBACK;
            if (lenient && r.scope() != null && !t.fallback) {
                Template scope = Template.parse(r.scope(), true, r.source());
                t.scopeLiteralChars = scope.literalChars;
                t.scopeVars = scope.vars;
                t.scopeRegexVars = scope.regexVars;
            }
            Route route = r;
            if (r.methods() != null) {
                try {
                    checkMethods(Methods.validate(r.methods()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(describe(r) + ": " + e.getMessage(), e);
                }
                if (t.approximate) {
                    route = new Route(r.template(), null, r.source(), r.scope());
                }
            }
            Integer same = byShape.get(t.shape);
            if (same == null) {
                byShape.put(t.shape, kept.size());
                kept.add(route);
                templates.add(t);
            } else if (lenient) {
                kept.set(same, merge(kept.get(same), route));
            } else {
                throw new IllegalArgumentException(describe(kept.get(same)) + " and " + describe(r)
                        + " have the same shape, so one of them could never be chosen; remove or merge one");
            }
        }
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Template> base = lenient ? Template.JAKARTA_ORDER : Template.SPECIFIC_ORDER;
        Comparator<Template> byRank = (a, b) -> a.fallback != b.fallback ? Boolean.compare(a.fallback, b.fallback) : base.compare(a, b);
        // Arrays.sort on objects is stable: equal ranks keep table order, so the earlier route wins.
        Arrays.sort(order, (a, b) -> byRank.compare(templates.get(a), templates.get(b)));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        Map<String, Integer> patternIds = new LinkedHashMap<>();
        Node root = new Node();
        for (int i = 0; i < kept.size(); i++) {
            root.add(templates.get(i).segments, 0, i, patternIds);
        }
        Pattern[] patterns = new Pattern[patternIds.size()];
        for (Map.Entry<String, Integer> e : patternIds.entrySet()) {
            patterns[e.getValue()] = Pattern.compile(e.getKey());
        }
        root.freeze(rank);
        return new RouteTable(List.copyOf(kept), rank, root, patterns, lenient);
    }

    private static Route merge(Route a, Route b) {
        String source = a.source().equals(b.source()) ? a.source() : a.source() + ", " + b.source();
        if (a.methods() == null || b.methods() == null) {
            return new Route(a.template(), null, source, a.scope());
        }
        Set<String> union = new LinkedHashSet<>(a.methods());
        union.addAll(b.methods());
        return new Route(a.template(), union, source, a.scope());
    }

    /** '*' is a token, but a reader would take it for "all methods": a table lists methods, nothing else. */
    private static Set<String> checkMethods(Set<String> methods) {
        if (methods.contains("*")) {
            throw new IllegalArgumentException("'*' is not a method here; list the methods, e.g. \"GET, POST\"");
        }
        return methods;
    }

    private static String describe(Route r) {
        return "route " + Methods.quote(r.template()) + " (" + r.source() + ")";
    }

    /**
     * Parses init-param text: one route per line, {@code <template> <METHOD>[, <METHOD>...]}, e.g.
     * {@code /items/{id}  GET, PUT, DELETE}. Blank lines and lines starting with {@code #} are ignored. The
     * template ends at the first blank outside braces (a regex may contain blanks). Templates are checked
     * here too, so that every error names its line number and quotes the line.
     */
    static List<Route> parse(String text, String source) {
        List<Route> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (n + 1);
            try {
                int split = templateEnd(line);
                String template = line.substring(0, split);
                String methods = line.substring(split).strip();
                Template.parse(template, false, where);
                if (methods.isEmpty()) {
                    throw new IllegalArgumentException("no methods after the template; expected e.g. \"/items/{id} GET, PUT\", or * for any method");
                }
                // "*": the servlet serves this path with any method (a Spring mapping without a method): pass through.
                out.add(new Route(template, methods.equals("*") ? null : checkMethods(Methods.parseList(methods)), where));
            } catch (IllegalArgumentException e) {
                // A template error already names the route and this line: keep only its reason.
                String why = e.getCause() instanceof IllegalArgumentException c ? c.getMessage() : e.getMessage();
                throw new IllegalArgumentException(where + ": " + Methods.quote(lines[n]) + ": " + why, e);
            }
        }
        return out;
    }

    /** Index of the first blank outside braces, or the line's length. */
    private static int templateEnd(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return line.length();
    }

    List<Route> routes() {
        return routes;
    }

    /**
     * The index into {@link #routes()} of the best-ranked route matching {@code path}, or -1 when none does.
     * Allocates nothing (after a thread's first use of each regex); {@code null} is the empty path.
     */
    int match(String path) {
        String p = path == null ? "" : path;
        int len = p.length();
        int end = len > 0 && p.charAt(len - 1) == '/' ? len - 1 : len;
        int start = len > 0 && p.charAt(0) == '/' ? 1 : 0;
        // pos > end means "no segment left": "/" and "" are the root.
        int pos = start >= end ? end + 1 : start;
        return best(root, p, pos, end, -1);
    }

    /**
     * Every route matching {@code path}, best first: for the rejection path, where MethodGuard lets a
     * request use the methods of every route that serves its path. Allocates; never on an allowed request.
     */
    List<Integer> matchAll(String path) {
        String p = path == null ? "" : path;
        int len = p.length();
        int end = len > 0 && p.charAt(len - 1) == '/' ? len - 1 : len;
        int start = len > 0 && p.charAt(0) == '/' ? 1 : 0;
        int pos = start >= end ? end + 1 : start;
        List<Integer> out = new ArrayList<>();
        collect(root, p, pos, end, out);
        out.sort((a, b) -> Integer.compare(rank[a], rank[b]));
        return out;
    }

    private void collect(Node n, String p, int pos, int end, List<Integer> out) {
        int[] catchAll = n.catchAllRoutes;
        for (int k = 0; k < catchAll.length; k++) {
            int pat = n.catchAllPatterns[k];
            if (pat < 0 || (catchAllMayMatch(pos, end) && regexMatches(pat, p, Math.min(pos, end), end))) {
                out.add(catchAll[k]);
            }
        }
        if (pos > end) {
            if (n.terminal >= 0) {
                out.add(n.terminal);
            }
            return;
        }
        int segEnd = p.indexOf('/', pos);
        if (segEnd < 0 || segEnd > end) {
            segEnd = end;
        }
        if (segEnd == pos) {
            return;
        }
        int next = segEnd + 1;
        if (n.literalMask >= 0) {
            Node lit = n.literal(p, pos, segEnd, p.substring(pos, segEnd).hashCode());
            if (lit != null) {
                collect(lit, p, next, end, out);
            }
        }
        for (int k = 0; k < n.regexNodes.length; k++) {
            if (regexMatches(n.regexPatterns[k], p, pos, segEnd)) {
                collect(n.regexNodes[k], p, next, end, out);
            }
        }
        if (n.param != null) {
            collect(n.param, p, next, end, out);
        }
    }

    private boolean catchAllMayMatch(int pos, int end) {
        return pos <= end || !catchAllRegexNeedsSegment;
    }

    private boolean better(int route, int best) {
        return best < 0 || rank[route] < rank[best];
    }

    /** Fetches this thread's matchers only when a regex is tried: a path of literals never pays the ThreadLocal. */
    private boolean regexMatches(int pattern, String p, int from, int to) {
        Matcher[] m = matchers.get();
        if (m == null) {
            m = new Matcher[patterns.length];
            matchers.set(m);
        }
        Matcher matcher = m[pattern];
        if (matcher == null) {
            matcher = patterns[pattern].matcher(p);
            m[pattern] = matcher;
        }
        // region() resets the matcher; matches() is anchored at the region's bounds.
        return matcher.reset(p).region(from, to).matches();
    }

    /** The better of {@code best} and the best route matching the rest of the path [pos, end] below {@code n}. */
    private int best(Node n, String p, int pos, int end, int best) {
        if (best >= 0 && n.minRank >= rank[best]) {
            return best; // nothing below can beat what we have
        }
        int[] catchAll = n.catchAllRoutes;
        for (int k = 0; k < catchAll.length; k++) {
            int r = catchAll[k];
            if (better(r, best)) {
                int pat = n.catchAllPatterns[k];
                if (pat < 0 || (catchAllMayMatch(pos, end) && regexMatches(pat, p, Math.min(pos, end), end))) {
                    best = r;
                }
            }
        }
        if (pos > end) {
            return n.terminal >= 0 && better(n.terminal, best) ? n.terminal : best;
        }
        // One pass finds the segment's end and, where there are literal children, its hash.
        int segEnd;
        int h = 0;
        if (n.literalMask >= 0) {
            segEnd = pos;
            for (char c; segEnd < end && (c = p.charAt(segEnd)) != '/'; segEnd++) {
                h = 31 * h + c;
            }
        } else {
            segEnd = p.indexOf('/', pos);
            if (segEnd < 0 || segEnd > end) {
                segEnd = end;
            }
        }
        if (segEnd == pos) {
            return best; // an empty segment matches only catch-alls
        }
        int next = segEnd + 1;
        Node lit = n.literalMask >= 0 ? n.literal(p, pos, segEnd, h) : null;
        if (lit != null) {
            best = best(lit, p, next, end, best);
        }
        Node[] regexNodes = n.regexNodes;
        for (int k = 0; k < regexNodes.length; k++) {
            Node child = regexNodes[k];
            if ((best < 0 || child.minRank < rank[best]) && regexMatches(n.regexPatterns[k], p, pos, segEnd)) {
                best = best(child, p, next, end, best);
            }
        }
        if (n.param != null) {
            best = best(n.param, p, next, end, best);
        }
        return best;
    }

    /** A trie node: children by segment kind, the route ending here, the catch-all routes rooted here. */
    private static final class Node {
        private static final int[] NONE = {};
        private static final Node[] NO_NODES = {};

        // Build time only.
        private Map<String, Node> literalsBuild = new LinkedHashMap<>();
        private Map<Integer, Node> regexBuild = new LinkedHashMap<>();
        private List<int[]> catchAllBuild = new ArrayList<>();

        Node param;
        int terminal = -1;
        int minRank = Integer.MAX_VALUE;
        int[] catchAllRoutes = NONE;
        int[] catchAllPatterns = NONE;
        int[] regexPatterns = NONE;
        Node[] regexNodes = NO_NODES;
        // Open-addressing hash table of literal children; hashes are String.hashCode() values.
        String[] literalKeys;
        int[] literalHashes;
        Node[] literalNodes;
        int literalMask = -1;

        void add(List<Segment> segs, int i, int route, Map<String, Integer> patternIds) {
            if (i == segs.size()) {
                terminal = route; // shapes are unique, so no other route ends here
                return;
            }
            Segment s = segs.get(i);
            switch (s.kind) {
                case Segment.LITERAL -> literalsBuild.computeIfAbsent(s.text, k -> new Node()).add(segs, i + 1, route, patternIds);
                case Segment.PARAM -> {
                    if (param == null) {
                        param = new Node();
                    }
                    param.add(segs, i + 1, route, patternIds);
                }
                case Segment.REGEX -> {
                    int id = patternIds.computeIfAbsent(s.text, k -> patternIds.size());
                    regexBuild.computeIfAbsent(id, k -> new Node()).add(segs, i + 1, route, patternIds);
                }
                default -> {
                    int id = s.text == null ? -1 : patternIds.computeIfAbsent(s.text, k -> patternIds.size());
                    catchAllBuild.add(new int[] {route, id});
                }
            }
        }

        /** Turns the build maps into arrays and computes minRank bottom-up. */
        int freeze(int[] rank) {
            int min = terminal >= 0 ? rank[terminal] : Integer.MAX_VALUE;
            catchAllRoutes = new int[catchAllBuild.size()];
            catchAllPatterns = new int[catchAllBuild.size()];
            for (int k = 0; k < catchAllRoutes.length; k++) {
                catchAllRoutes[k] = catchAllBuild.get(k)[0];
                catchAllPatterns[k] = catchAllBuild.get(k)[1];
                min = Math.min(min, rank[catchAllRoutes[k]]);
            }
            regexPatterns = new int[regexBuild.size()];
            regexNodes = new Node[regexBuild.size()];
            int k = 0;
            for (Map.Entry<Integer, Node> e : regexBuild.entrySet()) {
                regexPatterns[k] = e.getKey();
                regexNodes[k++] = e.getValue();
                min = Math.min(min, e.getValue().freeze(rank));
            }
            if (param != null) {
                min = Math.min(min, param.freeze(rank));
            }
            if (!literalsBuild.isEmpty()) {
                int size = Integer.highestOneBit(Math.max(2, literalsBuild.size() * 2 - 1)) << 1;
                literalKeys = new String[size];
                literalHashes = new int[size];
                literalNodes = new Node[size];
                literalMask = size - 1;
                for (Map.Entry<String, Node> e : literalsBuild.entrySet()) {
                    int h = e.getKey().hashCode();
                    int idx = spread(h) & literalMask;
                    while (literalKeys[idx] != null) {
                        idx = (idx + 1) & literalMask;
                    }
                    literalKeys[idx] = e.getKey();
                    literalHashes[idx] = h;
                    literalNodes[idx] = e.getValue();
                    min = Math.min(min, e.getValue().freeze(rank));
                }
            }
            literalsBuild = null;
            regexBuild = null;
            catchAllBuild = null;
            minRank = min;
            return min;
        }

        /** The literal child equal to p[from, to), or null; the same hash as String.hashCode, without a substring. */
        /** The literal child for p[from, to), whose String-style hash the caller computed while finding {@code to}. */
        Node literal(String p, int from, int to, int h) {
            int len = to - from;
            int idx = spread(h) & literalMask;
            String key;
            while ((key = literalKeys[idx]) != null) {
                if (literalHashes[idx] == h && key.length() == len && p.regionMatches(from, key, 0, len)) {
                    return literalNodes[idx];
                }
                idx = (idx + 1) & literalMask;
            }
            return null;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    /** One template segment. text: the literal, or the regex (REGEX, and CATCH_ALL with a regex), else null. */
    private record Segment(int kind, String text) {
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

    /** A parsed, validated template with what the rankings need. */
    private static final class Template {
        static final Comparator<Template> SPECIFIC_ORDER = (a, b) -> {
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
        static final Comparator<Template> JAKARTA_ORDER = (a, b) -> {
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
        /** A fallback route: ranks after every other one. */
        boolean fallback;
        /** Cut at a slash-matching regex that is not last: the route must pass through. */
        boolean approximate;
        String shape;

        static Template parse(String template, boolean lenient, String source) {
            try {
                return parse(template, lenient);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route " + Methods.quote(template) + " (" + source + "): " + e.getMessage(), e);
            }
        }

        private static Template parse(String template, boolean lenient) {
            if (template == null || !template.startsWith("/")) {
                throw new IllegalArgumentException("a template must start with '/'");
            }
            Template t = new Template();
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
