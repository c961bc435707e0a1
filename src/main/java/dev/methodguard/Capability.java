package dev.methodguard;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * What one target supports, with everything a response needs precomputed once: the set tested on each
 * request, the {@code Allow} header value, the JSON tail {@code ,"allowed":[...]}} and what to do with
 * OPTIONS. A target is a servlet, a container fallback (unmapped paths, files served outside any
 * servlet) or one route of a routed servlet.
 */
final class Capability {
    /** Where a servlet's methods came from, in the order the rules are tried. */
    enum Source {
        BUILDER("builder"),
        INIT_PARAM("init-param " + InitParams.SERVLET_ALLOWED_METHODS),
        ANNOTATION("@AllowedMethods"),
        ROUTES_PARAM("init-param " + InitParams.SERVLET_ROUTES),
        JAKARTA_REST("Jakarta REST annotations"),
        CONTAINER_DEFAULT("container default"),
        FRAMEWORK("framework"),
        CONTAINER_FALLBACK("container fallback"),
        INTROSPECTION("introspection"),
        UNDECLARED("undeclared");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    final String servletName;
    /** How the startup table and JMX name it: the servlet name, or what a container fallback stands for. */
    final String label;
    final List<String> mappings;
    final Source source;
    /** Why a servlet is undeclared, or what was changed in a declared one (HEAD refused); else {@code null}. */
    final String note;
    private final Set<String> allowed;
    private final Set<String> allowedView;
    final List<String> allowedList;
    final String allowHeader;
    /** {@code ,"allowed":["GET",...]}} closing a 405 body, in both formats. */
    final byte[] allowedJsonTail;
    /** The servlet handles OPTIONS itself (it overrides doOptions, or OPTIONS was declared explicitly). */
    final boolean ownsOptions;
    /** A CORS preflight passes on to the chain (decided at init() from the preflight rule). */
    final boolean passesPreflight;
    final Counters counters;
    /** A routed servlet's table, else {@code null}; byRoute[i] judges route i ({@code null}: it passes through). */
    final RouteTable routes;
    private final Capability[] byRoute;
    /** For a route's capability: its template; else {@code null}. */
    final String template;
    /** The framework matches methods ignoring case (RESTEasy): {@code get} is served as GET, so it is allowed. */
    final boolean ignoresMethodCase;
    /** For a route's capability: its index in the servlet's table; else -1. */
    final int routeIndex;
    /** For a routed servlet: makes the capability of a route (or of several routes' methods together). */
    private final RouteMaker maker;
    /** For a routed servlet: whether several matching routes join their methods only within one resource class. */
    private final boolean unionWithinScope;
    /** For a routed servlet: the joined capabilities made so far, at most {@link #MAX_UNIONS}. */
    private final java.util.concurrent.ConcurrentHashMap<String, Capability> unions = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_UNIONS = 256;

    /** Makes a route's capability from its methods: what the resolver decides for any declared target. */
    interface RouteMaker {
        Capability make(Capability servlet, int routeIndex, String template, Set<String> methods);
    }

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                       boolean ownsOptions, boolean passesPreflight, Counters counters) {
        this(servletName, mappings, source, allowed, note, ownsOptions, passesPreflight, counters, null, null, null, false, -1,
                null, false);
    }

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                       boolean ownsOptions, boolean passesPreflight, Counters counters, RouteTable routes,
                       Capability[] byRoute, String template, boolean ignoresMethodCase, int routeIndex, RouteMaker maker,
                       boolean unionWithinScope) {
        this.maker = maker;
        this.unionWithinScope = unionWithinScope;
        this.ignoresMethodCase = ignoresMethodCase;
        this.routeIndex = routeIndex;
        // Jetty's fallback has a generated name (ServletHandler$Default404Servlet-5cf8b529): say what it is instead.
        this.label = source == Source.CONTAINER_FALLBACK && servletName.contains("$Default404Servlet") ? "(unmapped paths)" : servletName;
        this.routes = routes;
        this.byRoute = byRoute;
        this.template = template;
        this.servletName = servletName;
        this.mappings = List.copyOf(mappings);
        this.source = source;
        this.note = note;
        // A HashSet (masked hash) rather than Set.copyOf (floorMod): this is the set test of every request.
        // Never written after construction; allowed() hands out a read-only view.
        this.allowed = allowed == null ? Set.of() : new HashSet<>(allowed);
        this.allowedView = Collections.unmodifiableSet(this.allowed);
        this.allowedList = allowed == null ? List.of() : List.copyOf(allowed);
        this.allowHeader = String.join(", ", allowedList);
        this.allowedJsonTail = WireFormat.allowedTail(allowedList);
        this.ownsOptions = ownsOptions;
        this.passesPreflight = passesPreflight;
        this.counters = counters;
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                               boolean ownsOptions, boolean passesPreflight) {
        return new Capability(servletName, mappings, source, allowed, note, ownsOptions, passesPreflight, new Counters());
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed) {
        return declared(servletName, mappings, source, allowed, null, false, false);
    }

    /** One route of a routed servlet: counted under the servlet's name, with the servlet's counters. */
    static Capability route(Capability servlet, int routeIndex, String template, SortedSet<String> allowed, boolean ownsOptions,
                            boolean passesPreflight, boolean ignoresMethodCase) {
        return new Capability(servlet.servletName, servlet.mappings, servlet.source, allowed, null, ownsOptions, passesPreflight,
                servlet.counters, null, null, template, ignoresMethodCase, routeIndex, null, false);
    }

    /**
     * A servlet judged by route; {@code maker} makes each route's capability ({@code null} stands for a
     * pass-through route). With {@code unionWithinScope}, routes join their methods only with routes of
     * the same resource class (RESTEasy picks the class first); else with every route matching the path.
     */
    static Capability routed(String servletName, List<String> mappings, Source source, String note, RouteTable routes,
                             RouteMaker maker, boolean unionWithinScope) {
        Capability[] byRoute = new Capability[routes.routes().size()];
        Capability servlet = new Capability(servletName, mappings, source, null, note, false, false, new Counters(), routes, byRoute,
                null, false, -1, maker, unionWithinScope);
        for (int i = 0; i < byRoute.length; i++) {
            RouteTable.Route r = routes.routes().get(i);
            byRoute[i] = r.methods() == null ? null : maker.make(servlet, i, r.template(), r.methods());
        }
        return servlet;
    }

    /**
     * What every route matching {@code path} serves together, given {@code best}, the route that judged it
     * and refused its method: frameworks choose among all routes matching path and method (Spring MVC, Go's
     * ServeMux, Jersey; RESTEasy within the chosen resource class), so refusing a method another matching
     * route serves would be a false rejection. {@code null}: a matching route takes any method (pass through).
     * Only ever asked on the way to a rejection or an OPTIONS answer, never for an allowed request.
     */
    Capability widen(Capability best, String path) {
        List<RouteTable.Route> table = routes.routes();
        RouteTable.Route bestRoute = table.get(best.routeIndex);
        java.util.TreeSet<String> union = new java.util.TreeSet<>();
        StringBuilder key = new StringBuilder();
        for (int i : routes.matchAll(path)) {
            RouteTable.Route r = table.get(i);
            if (unionWithinScope && !java.util.Objects.equals(r.scope(), bestRoute.scope())) {
                continue;
            }
            if (r.scope() == RouteTable.FALLBACK && bestRoute.scope() != RouteTable.FALLBACK) {
                continue; // another route matches the path: the front controller never gets to the fallback
            }
            if (r.methods() == null) {
                if (r.source().endsWith(JakartaRestRoutes.OTHER_PATHS)) {
                    continue; // serves nothing: it only keeps other classes' routes off the class's paths
                }
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
            c = maker.make(this, best.routeIndex, bestRoute.template(), union);
            if (unions.size() < MAX_UNIONS) {
                unions.putIfAbsent(key.toString(), c);
            }
        }
        return c;
    }

    /** The route's capability for a path relative to the servlet's mapping; {@code null} when no route judges it. */
    Capability route(String path) {
        int i = routes.match(path);
        return i < 0 ? null : byRoute[i];
    }

    /** The capabilities of the routes, in table order ({@code null} for pass-through routes). */
    List<Capability> routeCapabilities() {
        return byRoute == null ? List.of() : java.util.Arrays.asList(byRoute.clone());
    }

    static Capability undeclared(String servletName, List<String> mappings, String why) {
        return new Capability(servletName, mappings, Source.UNDECLARED, null, why, false, false, new Counters());
    }

    boolean isDeclared() {
        return source != Source.UNDECLARED;
    }

    boolean allows(String method) {
        return allowed.contains(method);
    }

    /** Asked only once {@link #allows} said no, so the upper-casing never costs an allowed request. */
    boolean allowsIgnoringCase(String method) {
        return ignoresMethodCase && allowed.contains(method.toUpperCase(java.util.Locale.ROOT));
    }

    Set<String> allowed() {
        return allowedView;
    }
}
