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

/**
 * The routes of one front-controller servlet (Jersey, RESTEasy, Spring's DispatcherServlet): which route
 * serves a path, so that MethodGuard can judge a request by the route that will serve it rather than by the
 * servlet as a whole. Paths are relative to the servlet's mapping; the template grammar is
 * {@link RouteTemplate}'s, the init-param text {@link RouteLines}'.
 *
 * <p>A trailing slash on a template or a request path is ignored; {@code /} and the empty path (or {@code null})
 * match the route {@code /}; an empty request segment ({@code //}) matches no literal or parameter, only a
 * catch-all. Paths are matched as given: the caller decides whether that is the decoded or the raw path.
 *
 * <h2>Ranking: which route wins when several match</h2>
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
 * already found is skipped. The path is a region of a string (the request URI itself, say): literal children
 * are found by a hash computed over the region with {@code charAt} and verified with {@code regionMatches},
 * so nothing is allocated. Regexes run on a {@link Matcher} kept per thread and per pattern (created on a
 * thread's first use of that pattern, reused afterwards), over a region of the string.
 */
final class RouteTable {
    /** What a route does with the requests it wins. */
    enum Kind {
        /** Serves the listed methods: judged. */
        METHODS,
        /** Serves any method (a Spring mapping without a method, a sub-resource locator's subtree): passes through. */
        ANY_METHOD,
        /**
         * Serves nothing itself: a Jakarta REST resource class's other paths. Requests it wins pass through (the
         * application answers them, 404 mostly), and it lends no methods when matching routes join theirs.
         */
        CLASS_FENCE,
        /**
         * Serves the listed methods only where no other route matches the path, as Spring MVC serves static
         * resources ({@code /**}) only where no handler maps the path: it ranks after every other route, and
         * joins its methods only with other fallbacks.
         */
        FALLBACK;

        /** Whether the route lists its methods (and so is judged where it wins). */
        boolean listsMethods() {
            return this == METHODS || this == FALLBACK;
        }
    }

    /**
     * One step of a route's place in Jersey's tree of routers ({@link JerseyRouting}): the kind of entry, and the
     * shape of its path (one entry per shape: Jersey merges paths of one shape). The kinds are in the order Jersey
     * tries entries of equal rank; a {@link Entry#FENCE} is no entry at all.
     */
    record Step(Entry entry, String shape) {
        enum Entry {
            /** A resource's own methods at a path exactly. */
            CLOSED,
            /** A sub-resource locator whose return type says nothing: the object returned at run time decides. */
            UNTYPED_LOCATOR,
            /** A path and more: a class's (or a typed locator's) children. */
            OPEN,
            /** A typed sub-resource's children, below its own methods. */
            SUB,
            /** The fence of a class without children: Jersey has no open entry for it. */
            FENCE
        }

        Step {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /**
     * One route. {@code methods} is set exactly for {@link Kind#METHODS} and {@link Kind#FALLBACK}. {@code source} says where the route
     * came from, for messages. {@code scope}, used by {@link Ranking#JAKARTA_REST} only, is the template that
     * ranks first: the {@code @Path} of the resource class the route belongs to (Jakarta REST picks the class
     * first, §3.7.2 step 1, then the method within it); {@code null} means the route's own template.
     * {@code chain} places a Jakarta REST route in Jersey's tree of routers (see {@link JerseyRouting}); else
     * {@code null}.
     */
    record Route(String template, Kind kind, Set<String> methods, String source, String scope, List<Step> chain) {
        Route {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            if (kind.listsMethods() != (methods != null)) {
                throw new IllegalArgumentException(kind + " route " + template + (methods == null ? " without" : " with") + " methods");
            }
            methods = methods == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(methods));
            chain = chain == null ? null : List.copyOf(chain);
        }

        Route(String template, Kind kind, Set<String> methods, String source, String scope) {
            this(template, kind, methods, source, scope, null);
        }

        /** A route of these methods, or ({@code null}) of any method. */
        Route(String template, Set<String> methods, String source, String scope) {
            this(template, methods == null ? Kind.ANY_METHOD : Kind.METHODS, methods, source, scope);
        }

        Route(String template, Set<String> methods, String source) {
            this(template, methods, source, null);
        }

        static Route fence(String template, String source, String scope) {
            return new Route(template, Kind.CLASS_FENCE, null, source, scope);
        }

        static Route fallback(String template, Set<String> methods, String source) {
            return new Route(template, Kind.FALLBACK, methods, source, null);
        }

        Route as(Kind kind, Set<String> methods, String source) {
            return new Route(template, kind, methods, source, scope, chain);
        }

        Route placed(List<Step> chain) {
            return new Route(template, kind, methods, source, scope, chain);
        }
    }

    /** How ties between matching routes are broken; see the class comment. */
    enum Ranking { SPECIFIC, JAKARTA_REST }

    private final List<Route> routes;
    /** rank[i] is route i's position in ranking order: 0 is the best. */
    private final int[] rank;
    private final RouteNode root;
    private final Pattern[] patterns;
    /** One Matcher per pattern per thread; null when the table has no regex. Values are JDK classes only. */
    private final ThreadLocal<Matcher[]> matchers;

    /**
     * Jakarta REST: a catch-all regex ({@code {path: .*}}) needs at least one segment. Jersey and RESTEasy
     * match it against what follows the class path's slash, so {@code /files} and {@code /files/} are the
     * class's own, not the catch-all's.
     */
    private final boolean catchAllRegexNeedsSegment;

    private RouteTable(List<Route> routes, int[] rank, RouteNode root, Pattern[] patterns, boolean catchAllRegexNeedsSegment) {
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
        List<RouteTemplate> templates = new ArrayList<>();
        for (Route r : routes) {
            RouteTemplate t = RouteTemplate.parse(r.template(), lenient, r.source());
            if (lenient && r.scope() != null) {
                RouteTemplate scope = RouteTemplate.parse(r.scope(), true, r.source());
                t.scopeLiteralChars = scope.literalChars;
                t.scopeVars = scope.vars;
                t.scopeRegexVars = scope.regexVars;
            }
            Route route = r;
            if (r.kind().listsMethods()) {
                try {
                    checkMethods(Methods.validate(r.methods()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(describe(r) + ": " + e.getMessage(), e);
                }
                if (t.approximate) {
                    route = r.as(Kind.ANY_METHOD, null, r.source());
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
        Comparator<RouteTemplate> byRank = lenient ? RouteTemplate.JAKARTA_ORDER : RouteTemplate.SPECIFIC_ORDER;
        // Fallbacks after every other route; Arrays.sort on objects is stable: equal ranks keep table order, so
        // the earlier route wins.
        Arrays.sort(order, Comparator.<Integer, Boolean>comparing(i -> kept.get(i).kind() == Kind.FALLBACK)
                .thenComparing((a, b) -> byRank.compare(templates.get(a), templates.get(b))));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        Map<String, Integer> patternIds = new LinkedHashMap<>();
        RouteNode root = new RouteNode();
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

    /**
     * One path served by several routes of the same shape: any method if one of them takes any, the union of
     * their methods if all list them; a class's fence gives way to what serves.
     */
    private static Route merge(Route a, Route b) {
        String source = a.source().equals(b.source()) ? a.source() : a.source() + ", " + b.source();
        // Placed differently in Jersey's tree (a locator and a method at one path): no place, it is not emulated.
        Route c = Objects.equals(a.chain(), b.chain()) ? a : a.placed(null);
        if (a.kind() == Kind.CLASS_FENCE && b.kind() == Kind.CLASS_FENCE) {
            // Classes of one path: their open entry exists if one of them has children.
            Route open = a.chain() != null && a.chain().get(0).entry() == Step.Entry.OPEN ? a : b;
            return open.as(Kind.CLASS_FENCE, null, source);
        }
        if (a.kind() != Kind.METHODS || b.kind() != Kind.METHODS) {
            return c.as(Kind.ANY_METHOD, null, source);
        }
        Set<String> union = new LinkedHashSet<>(a.methods());
        union.addAll(b.methods());
        return c.as(Kind.METHODS, union, source);
    }

    /** '*' is a token, but a reader would take it for "all methods": a table lists methods, nothing else. */
    static Set<String> checkMethods(Set<String> methods) {
        if (methods.contains("*")) {
            throw new IllegalArgumentException("'*' is not a method here; list the methods, e.g. \"GET, POST\"");
        }
        return methods;
    }

    private static String describe(Route r) {
        return "route " + Methods.quote(r.template()) + " (" + r.source() + ")";
    }

    List<Route> routes() {
        return routes;
    }

    /** Whether the table ranks as Jakarta REST does (its paths are then matched raw, as the frameworks match them). */
    boolean jakartaRest() {
        return catchAllRegexNeedsSegment;
    }

    /** Route i's position in ranking order: 0 is the best. */
    int rank(int route) {
        return rank[route];
    }

    /** {@link #match(String, int, int)} over the whole string; {@code null} is the empty path. */
    int match(String path) {
        String p = path == null ? "" : path;
        return match(p, 0, p.length());
    }

    /**
     * The index into {@link #routes()} of the best-ranked route matching the path {@code s[from, to)}, or -1
     * when none does. Allocates nothing (after a thread's first use of each regex).
     */
    int match(String s, int from, int to) {
        int end = end(s, from, to);
        return best(root, s, first(s, from, end), end, -1);
    }

    /**
     * Every route matching the path {@code s[from, to)}, best first: for the rejection path, where MethodGuard
     * lets a request use the methods of every route that serves its path. Allocates; never on an allowed request.
     */
    List<Integer> matchAll(String s, int from, int to) {
        int end = end(s, from, to);
        List<Integer> out = new ArrayList<>();
        collect(root, s, first(s, from, end), end, out);
        out.sort((a, b) -> Integer.compare(rank[a], rank[b]));
        return out;
    }

    List<Integer> matchAll(String path) {
        String p = path == null ? "" : path;
        return matchAll(p, 0, p.length());
    }

    /** Where the path's segments end: before one trailing slash. */
    private static int end(String s, int from, int to) {
        return to > from && s.charAt(to - 1) == '/' ? to - 1 : to;
    }

    /** Where the first segment starts, after one leading slash; {@code end + 1} ("no segment left") for the root. */
    private static int first(String s, int from, int end) {
        int start = from <= end && from < s.length() && s.charAt(from) == '/' ? from + 1 : from;
        return start >= end ? end + 1 : start;
    }
    private void collect(RouteNode n, String p, int pos, int end, List<Integer> out) {
        int[] catchAll = n.catchAllRoutes;
        for (int k = 0; k < catchAll.length; k++) {
            int pat = n.catchAllPatterns[k];
            if (pat < 0 || (catchAllMayMatch(n, pos, end) && regexMatches(pat, p, Math.min(pos, end), end))) {
                out.add(catchAll[k]);
            }
        }
        if (pos > end) {
            if (n.terminal >= 0) {
                out.add(n.terminal);
            }
            return;
        }
        int segEnd = pos;
        int h = 0;
        for (char c; segEnd < end && (c = p.charAt(segEnd)) != '/'; segEnd++) {
            h = 31 * h + c;
        }
        if (segEnd == pos) {
            return;
        }
        int next = segEnd + 1;
        if (n.literalMask >= 0) {
            RouteNode lit = n.literal(p, pos, segEnd, h);
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

    /**
     * Whether a catch-all regex rooted at {@code n} may be tried on what is left: with Jakarta REST, one under a
     * path needs a segment after that path's slash; one at the root (a class {@code @Path("{any: .*}")}) is
     * matched against the whole path, so the root path too.
     */
    private boolean catchAllMayMatch(RouteNode n, int pos, int end) {
        return pos <= end || !catchAllRegexNeedsSegment || n == root;
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
    private int best(RouteNode n, String p, int pos, int end, int best) {
        if (best >= 0 && n.minRank >= rank[best]) {
            return best; // nothing below can beat what we have
        }
        int[] catchAll = n.catchAllRoutes;
        for (int k = 0; k < catchAll.length; k++) {
            int r = catchAll[k];
            if (better(r, best)) {
                int pat = n.catchAllPatterns[k];
                if (pat < 0 || (catchAllMayMatch(n, pos, end) && regexMatches(pat, p, Math.min(pos, end), end))) {
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
        RouteNode lit = n.literalMask >= 0 ? n.literal(p, pos, segEnd, h) : null;
        if (lit != null) {
            best = best(lit, p, next, end, best);
        }
        RouteNode[] regexNodes = n.regexNodes;
        for (int k = 0; k < regexNodes.length; k++) {
            RouteNode child = regexNodes[k];
            if ((best < 0 || child.minRank < rank[best]) && regexMatches(n.regexPatterns[k], p, pos, segEnd)) {
                best = best(child, p, next, end, best);
            }
        }
        if (n.param != null) {
            best = best(n.param, p, next, end, best);
        }
        return best;
    }
}
