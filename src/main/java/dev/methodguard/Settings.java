package dev.methodguard;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated configuration, as given by the builder or parsed from init-params, before it meets the
 * servlet registrations at {@code init()}. A record, so the startup listener and the filter can tell
 * whether they were configured alike.
 *
 * @param servlets     servlet name to the methods the builder declares for it
 * @param routes       servlet name to the route table the builder declares for it
 * @param jakartaRest  servlet name to the Jakarta REST resource classes the builder names for it
 * @param knownMethods methods known to the server although no servlet allows them
 * @param jmx          whether to register the counters as an MBean
 * @param errorBody    the application's error body, or {@code null} for the built-in one
 */
record Settings(Map<String, Set<String>> servlets, Map<String, List<RouteTable.Route>> routes,
                Map<String, List<Class<?>>> jakartaRest, Set<String> knownMethods, BodyFormat format, boolean allowTrace,
                boolean jmx, Mode mode, Preflight preflight, ErrorBodyFactory errorBody) {
    static final Settings DEFAULTS = new Settings(Map.of(), Map.of(), Map.of(), Set.of(), BodyFormat.JSON, false, false, Mode.ENFORCE,
            Preflight.AUTO, null);

    Settings {
        servlets = Map.copyOf(servlets);
        routes = Map.copyOf(routes);
        jakartaRest = Map.copyOf(jakartaRest);
        knownMethods = Set.copyOf(knownMethods);
    }

    /** Every servlet name the builder declares something for. */
    Set<String> declaredNames() {
        Set<String> names = new java.util.TreeSet<>(servlets.keySet());
        names.addAll(routes.keySet());
        names.addAll(jakartaRest.keySet());
        return names;
    }

    /**
     * Whether two settings configure the same filter: an error-body factory counts by its class, since
     * the startup listener and the filter each make their own instance.
     */
    boolean sameAs(Settings other) {
        return other != null && withoutFactory().equals(other.withoutFactory())
                && factoryClass(errorBody) == factoryClass(other.errorBody);
    }

    private Settings withoutFactory() {
        return new Settings(servlets, routes, jakartaRest, knownMethods, format, allowTrace, jmx, mode, preflight, null);
    }

    private static Class<?> factoryClass(ErrorBodyFactory f) {
        return f == null ? null : f.getClass();
    }
}
