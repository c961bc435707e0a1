package dev.methodguard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place options are collected and validated, for both ways of configuring: the public
 * {@link MethodGuardFilter.Builder} delegates here, and {@link InitParams} parses init-params into it.
 * Each option may be set once; a value is checked when it is set.
 */
final class SettingsBuilder {
    static final String KNOWN_METHODS = "known-methods";
    static final String FORMAT = "format";
    static final String ALLOW_TRACE = "allow-trace";
    static final String JMX = "jmx";
    static final String MODE = "mode";
    static final String PREFLIGHT = "preflight";
    static final String ERROR_BODY = "error-body";

    private final Map<String, Set<String>> servlets = new LinkedHashMap<>();
    private final Map<String, List<RouteTable.Route>> routes = new LinkedHashMap<>();
    private final Map<String, List<Class<?>>> jakartaRest = new LinkedHashMap<>();
    private Set<String> knownMethods;
    private BodyFormat format;
    private Boolean allowTrace;
    private Boolean jmx;
    private Mode mode;
    private Preflight preflight;
    private ErrorBodyFactory errorBody;

    void allowedMethods(String servletName, String... methods) {
        Objects.requireNonNull(servletName, "servletName");
        Objects.requireNonNull(methods, "methods");
        requireUndeclared("allowedMethods", servletName);
        servlets.put(servletName, validate("allowedMethods(\"" + servletName + "\")", methods));
    }

    /** A route table; validated here, so a bad template fails at the builder call. */
    void routes(String servletName, List<RouteTable.Route> table) {
        Objects.requireNonNull(servletName, "servletName");
        requireUndeclared("routes", servletName);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("routes(\"" + servletName + "\"): no routes given; expected at least one route(...)");
        }
        RouteTable.of(table, RouteTable.Ranking.SPECIFIC);
        routes.put(servletName, List.copyOf(table));
    }

    void jakartaRest(String servletName, Class<?>... resources) {
        Objects.requireNonNull(servletName, "servletName");
        Objects.requireNonNull(resources, "resources");
        requireUndeclared("jakartaRest", servletName);
        if (resources.length == 0) {
            throw new IllegalArgumentException("jakartaRest(\"" + servletName + "\"): no resource classes given");
        }
        for (Class<?> c : resources) {
            Objects.requireNonNull(c, "resource class");
        }
        jakartaRest.put(servletName, List.of(resources));
    }

    private void requireUndeclared(String option, String servletName) {
        Object earlier = servlets.containsKey(servletName) ? servlets.get(servletName)
                : routes.containsKey(servletName) ? "routes " + routes.get(servletName).stream().map(RouteTable.Route::template).toList()
                : jakartaRest.containsKey(servletName) ? "jakartaRest " + jakartaRest.get(servletName) : null;
        if (earlier != null) {
            throw new IllegalStateException(option + ": servlet '" + servletName + "' was already declared as " + earlier);
        }
    }

    void knownMethods(String... methods) {
        Objects.requireNonNull(methods, "methods");
        requireUnset(knownMethods, "knownMethods", KNOWN_METHODS);
        knownMethods = validate("knownMethods", methods);
    }

    void format(BodyFormat value) {
        Objects.requireNonNull(value, "format");
        requireUnset(format, "format", FORMAT);
        format = value;
    }

    void allowTrace(boolean value) {
        requireUnset(allowTrace, "allowTrace", ALLOW_TRACE);
        allowTrace = value;
    }

    void jmx(boolean value) {
        requireUnset(jmx, "jmx", JMX);
        jmx = value;
    }

    void mode(Mode value) {
        Objects.requireNonNull(value, "mode");
        requireUnset(mode, "mode", MODE);
        mode = value;
    }

    void preflight(Preflight value) {
        Objects.requireNonNull(value, "preflight");
        requireUnset(preflight, "preflight", PREFLIGHT);
        preflight = value;
    }

    void errorBody(ErrorBodyFactory value) {
        Objects.requireNonNull(value, "errorBody");
        requireUnset(errorBody, "errorBody", ERROR_BODY);
        errorBody = value;
    }

    Settings build() {
        Settings d = Settings.DEFAULTS;
        return new Settings(servlets, routes, jakartaRest, knownMethods == null ? d.knownMethods() : knownMethods,
                format == null ? d.format() : format, allowTrace == null ? d.allowTrace() : allowTrace,
                jmx == null ? d.jmx() : jmx, mode == null ? d.mode() : mode,
                preflight == null ? d.preflight() : preflight, errorBody);
    }

    private static Set<String> validate(String option, String[] methods) {
        try {
            return new LinkedHashSet<>(Methods.validate(Arrays.asList(methods)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static void requireUnset(Object current, String option, String param) {
        if (current != null) {
            throw new IllegalStateException(option + " (init-param " + param + ") was already set to " + current);
        }
    }
}
