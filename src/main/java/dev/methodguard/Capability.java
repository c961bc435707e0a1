package dev.methodguard;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;

/**
 * What one target supports, with everything a response needs precomputed once: the set tested on each
 * request, the {@code Allow} header value, the JSON tail {@code ,"allowed":[...]}} and what to do with
 * OPTIONS, and its counters. A target is a servlet, a container fallback (unmapped paths, files served outside
 * any servlet) or one route of a routed servlet. A routed servlet's own entry (its name, mappings, source
 * and counters, for the startup table and JMX) carries no methods: its routes judge, and the routed servlet
 * that holds them knows its entry, not the other way round.
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
    /** For a route's capability: its template; else {@code null}. */
    final String template;
    /** The framework matches methods ignoring case (RESTEasy): {@code get} is served as GET, so it is allowed. */
    final boolean ignoresMethodCase;
    /** For a route's capability: its index in the servlet's table; else -1. */
    final int routeIndex;
    /** For a routed servlet's entry: the index of its {@link RoutedServlet} in the policy; else -1. */
    final int routedIndex;

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                       boolean ownsOptions, boolean passesPreflight, Counters counters) {
        this(servletName, mappings, source, allowed, note, ownsOptions, passesPreflight, counters, null, false, -1, -1);
    }

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                       boolean ownsOptions, boolean passesPreflight, Counters counters,
                       String template, boolean ignoresMethodCase, int routeIndex, int routedIndex) {
        this.ignoresMethodCase = ignoresMethodCase;
        this.routeIndex = routeIndex;
        this.routedIndex = routedIndex;
        // Jetty's fallback has a generated name (ServletHandler$Default404Servlet-5cf8b529): say what it is instead.
        this.label = source == Source.CONTAINER_FALLBACK && servletName.contains("$Default404Servlet") ? "(unmapped paths)" : servletName;
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
                servlet.counters, template, ignoresMethodCase, routeIndex, -1);
    }

    /**
     * The entry of a servlet judged route by route ({@link RoutedServlet}): no methods of its own, and the index
     * of its routed servlet among the policy's, so that finding it costs a request an array read.
     */
    static Capability routedEntry(String servletName, List<String> mappings, Source source, String note, int routedIndex) {
        return new Capability(servletName, mappings, source, null, note, false, false, new Counters(), null, false, -1,
                routedIndex);
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
        return ignoresMethodCase && allowed.contains(method.toUpperCase(Locale.ROOT));
    }

    Set<String> allowed() {
        return allowedView;
    }
}
