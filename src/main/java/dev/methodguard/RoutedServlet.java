package dev.methodguard;

import dev.methodguard.RouteTable.Kind;
import dev.methodguard.RouteTable.Route;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A servlet judged route by route (a Jakarta REST servlet, Spring's DispatcherServlet, a declared table):
 * its route table, the capability of each route, and, on the way to a rejection only, the widening to what
 * the framework serves at the path when the best route refuses the method: for Jersey its own choice
 * ({@link JerseyRouting}), for RESTEasy the union of the matching routes of one resource class, for
 * declared tables the union of every matching route. Jakarta REST servlets are matched on the raw request
 * path, as Jersey and RESTEasy match it ({@link RawPath}); declared tables on the container's decoded path.
 */
final class RoutedServlet {
    /** Makes a route's capability from its methods: what the resolver decides for any declared target. */
    interface RouteMaker {
        Capability make(Capability servlet, int routeIndex, String template, Set<String> methods);
    }

    /** At most this many joined capabilities are kept; more are made again when needed (rejection path only). */
    static final int MAX_UNIONS = 256;

    final RouteTable table;
    /** byRoute[i] judges route i; {@code null}: route i passes through. */
    private final Capability[] byRoute;
    /** The servlet's own entry (name, mappings, source, counters), which route capabilities are made from. */
    final Capability entry;
    private final RouteMaker maker;
    /** Whether several matching routes join their methods only within one resource class (RESTEasy). */
    private final boolean unionWithinScope;
    /** Jersey: its own choice among matching routes, instead of a union. */
    private final boolean jersey;
    /** A Jakarta REST servlet: matched on the raw request path. */
    final boolean rawPath;
    /** The joined capabilities made so far, at most {@link #MAX_UNIONS}. */
    private final ConcurrentHashMap<String, Capability> unions = new ConcurrentHashMap<>();

    /**
     * {@code maker} makes each route's capability (pass-through routes get none). With {@code unionWithinScope},
     * routes join their methods only with routes of the same resource class (RESTEasy picks the class first);
     * else with every route matching the path.
     */
    RoutedServlet(Capability servlet, RouteTable table, RouteMaker maker, boolean unionWithinScope) {
        this.entry = Objects.requireNonNull(servlet, "servlet");
        Objects.requireNonNull(table, "table");
        this.maker = Objects.requireNonNull(maker, "maker");
        this.unionWithinScope = unionWithinScope;
        this.rawPath = table.jakartaRest();
        this.jersey = rawPath && !unionWithinScope;
        List<Route> routes = table.routes();
        if (jersey && routes.stream().anyMatch(RoutedServlet::noJerseyEntry)) {
            // Jersey has no open route for a class without children: its other paths belong to other classes.
            table = RouteTable.of(routes.stream().filter(r -> !noJerseyEntry(r)).toList(), RouteTable.Ranking.JAKARTA_REST);
            routes = table.routes();
        }
        this.table = table;
        this.byRoute = new Capability[routes.size()];
        for (int i = 0; i < byRoute.length; i++) {
            Route r = routes.get(i);
            byRoute[i] = r.kind().listsMethods() ? maker.make(servlet, i, r.template(), r.methods()) : null;
        }
    }

    private static boolean noJerseyEntry(Route r) {
        return r.kind() == Kind.CLASS_FENCE && r.chain() != null && r.chain().get(0).entry() == RouteTable.Step.Entry.FENCE;
    }

    /** The capability of the route serving the path {@code s[from, to)}; {@code null} when none judges it. */
    Capability route(String s, int from, int to) {
        int i = table.match(s, from, to);
        return i < 0 ? null : byRoute[i];
    }

    /** {@link #route(String, int, int)} for a whole path string ({@code null}: the empty path). */
    Capability route(String path) {
        String p = path == null ? "" : path;
        return route(p, 0, p.length());
    }

    /**
     * What the framework serves at the path {@code s[from, to)}, given {@code best}, the route that judged the
     * request and refused {@code method}: frameworks choose among several routes matching the path (Spring
     * MVC, Go's ServeMux; Jersey level by level, RESTEasy within the chosen resource class), so refusing a
     * method another matching route serves would be a false rejection. {@code null}: the request passes
     * through (a matching route takes any method, or the framework's choice cannot be told). Only ever asked on
     * the way to a rejection or an OPTIONS answer, never for an allowed request.
     */
    Capability widen(Capability best, String method, String s, int from, int to) {
        List<Route> routes = table.routes();
        List<Integer> matched = table.matchAll(s, from, to);
        if (jersey) {
            int i = JerseyRouting.choose(table, matched,
                    r -> byRoute[r] != null && (byRoute[r].allows(method) || byRoute[r].allowsIgnoringCase(method)));
            return i < 0 ? null : byRoute[i];
        }
        Route bestRoute = routes.get(best.routeIndex);
        TreeSet<String> union = new TreeSet<>();
        StringBuilder key = new StringBuilder();
        for (int i : matched) {
            Route r = routes.get(i);
            if (unionWithinScope && !Objects.equals(r.scope(), bestRoute.scope())) {
                continue;
            }
            if (r.kind() == Kind.CLASS_FENCE) {
                continue; // serves nothing: it only keeps other classes' routes off the class's paths
            }
            if (r.kind() == Kind.FALLBACK && bestRoute.kind() != Kind.FALLBACK) {
                continue; // another route matches the path: the front controller never gets to the fallback
            }
            if (r.kind() == Kind.ANY_METHOD) {
                return null;
            }
            union.addAll(r.methods());
            key.append(i).append(',');
        }
        if (key.length() == 0 || key.toString().equals(best.routeIndex + ",")) {
            return best;
        }
        Capability c = unions.get(key.toString());
        if (c == null) {
            c = maker.make(entry, best.routeIndex, bestRoute.template(), union);
            if (unions.size() < MAX_UNIONS) {
                unions.putIfAbsent(key.toString(), c);
            }
        }
        return c;
    }

    Capability widen(Capability best, String method, String path) {
        String p = path == null ? "" : path;
        return widen(best, method, p, 0, p.length());
    }

    /** The capabilities of the routes, in table order ({@code null} for pass-through routes). */
    List<Capability> routeCapabilities() {
        return Arrays.asList(byRoute.clone());
    }
}
