package dev.methodguard;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.JMException;

/**
 * A servlet filter that answers requests whose method the target does not support, before the target
 * runs: <b>501 Not Implemented</b> when nothing in the application implements the method,
 * <b>405 Method Not Allowed</b> with an {@code Allow} header when the application knows the method but
 * this resource does not support it, both with a small JSON body. OPTIONS is answered with {@code Allow}.
 *
 * <p>Servlets declare their methods with the servlet init-param {@code methodguard.allowed-methods},
 * {@link AllowedMethods @AllowedMethods}, or {@link Builder#allowedMethods}; plain {@code HttpServlet}s
 * are introspected; the containers' own servlets are recognized by class name; anything else is left
 * alone. All of it is resolved once, at deployment ({@link MethodGuardStartup}) or in {@link #init},
 * which fails with a {@link ServletException} naming any bad parameter and value; {@link #doFilter}
 * only reads the result.
 *
 * <p>Use the public constructor from {@code web.xml} (options as filter init-params), or
 * {@link #builder()} in code. To register it by annotation, extend it:
 * {@code @WebFilter("/*") public class Guard extends MethodGuardFilter {}}.
 */
public class MethodGuardFilter implements Filter {
    private static final Logger LOG = System.getLogger("dev.methodguard");

    /** Everything init() builds, published at once through one volatile field and never changed after. */
    private record State(Policy policy, ResponseWriter writer, ReportLog reportLog, boolean allowTrace) {
    }

    /** Builder settings, or {@code null} when configured by init-params. */
    private final Settings preset;
    private volatile State state;
    private final Metrics metrics = new Metrics();
    private JmxRegistration jmx;

    /** For {@code web.xml} and {@code @WebFilter}: options come from the filter's init-params. */
    public MethodGuardFilter() {
        this.preset = null;
    }

    /** For subclasses registered by annotation that want builder options: {@code super(builder().format(PROBLEM))}. */
    protected MethodGuardFilter(Builder builder) {
        this.preset = Objects.requireNonNull(builder, "builder").settings();
    }

    /** Starts a programmatic configuration, e.g. for embedded Jetty. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves everything once: the settings (builder or init-params), the policy (prepared at deployment, or
     * resolved now), the answers, and what observes them (counters, JMX, the report-only log).
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        String name = config.getFilterName();
        String label = InitParams.filterLabel(name);
        ServletContext context = config.getServletContext();
        Settings settings = settings(label, InitParams.of(config), Thread.currentThread().getContextClassLoader());
        Policy policy = Resolution.policy(context, name, label, settings);
        String contextPath = Resolution.contextLabel(context);
        metrics.policy(policy, contextPath);
        if (settings.jmx()) {
            try {
                jmx = JmxRegistration.register(metrics, context.getVirtualServerName(), contextPath, name);
                LOG.log(Level.INFO, "MethodGuard: counters registered with JMX as {0}", jmx.name());
            } catch (JMException e) {
                throw new ServletException(label + ": init-param '" + InitParams.JMX + "' = 'true': " + e.getMessage(), e);
            }
        }
        State old = state;
        if (old != null && old.reportLog != null) {
            old.reportLog.close(); // init() called again: one timer per filter
        }
        ReportLog reportLog = settings.mode() == Mode.REPORT_ONLY ? ReportLog.started(name) : null;
        this.state = new State(policy, new ResponseWriter(settings.format(), settings.errorBody(), reportLog, metrics.optionsAnswered),
                reportLog, settings.allowTrace());
    }

    /** This filter's settings: the builder's, or its init-params parsed (never both). */
    Settings settings(String label, Map<String, String> params, ClassLoader loader) throws ServletException {
        if (preset == null) {
            return Builder.parse(label, params, loader);
        }
        if (!params.isEmpty()) {
            throw new ServletException(label + " was configured with MethodGuardFilter.builder(), but also has init-params "
                    + params.keySet() + "; set these options on the builder instead");
        }
        return preset;
    }

    /**
     * Passes allowed requests on; answers OPTIONS and rejects the rest. Only REQUEST dispatches to declared
     * targets are checked: a map lookup and a set test, nothing allocated.
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        State s = state;
        if (s == null) {
            throw new IllegalStateException("MethodGuardFilter.doFilter called before init()");
        }
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse res
                && req.getDispatcherType() == DispatcherType.REQUEST) {
            Capability capability = s.policy.target(req);
            if (capability != null) {
                String method = req.getMethod();
                if (!capability.isDeclared()) {
                    // Undeclared: left alone, except TRACE, which must never echo a request unless allowed. Its
                    // methods are unknown, so no truthful Allow exists: a 501.
                    if (method.equals(Methods.TRACE) && !s.allowTrace) {
                        s.writer.reject(req, res, chain, capability, method, false);
                        return;
                    }
                } else if (!capability.allows(method) && !capability.allowsIgnoringCase(method)) {
                    // A route refused it: another route matching the path may serve it (frameworks choose among
                    // all routes matching path and method). Only now, on the way to a 405, are they all looked at.
                    Capability all = capability.routeIndex < 0 ? capability : s.policy.widen(req, capability);
                    if (all != null && !all.allows(method) && !all.allowsIgnoringCase(method)) {
                        s.writer.reject(req, res, chain, all, method, s.policy.isKnown(method));
                        return;
                    }
                } else if (method.equals(Methods.OPTIONS) && s.reportLog == null) {
                    Capability all = capability.routeIndex < 0 ? capability : s.policy.widen(req, capability);
                    if (all != null) {
                        s.writer.options(req, res, chain, all);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Stops the report-only timer (writing its last summary) and takes the JMX registration back. */
    @Override
    public void destroy() {
        State s = state;
        if (s != null && s.reportLog != null) {
            s.reportLog.close();
        }
        JmxRegistration r = jmx;
        jmx = null;
        if (r != null) {
            r.unregister();
        }
    }

    /** What the filter counts and resolved, as operators read it over JMX; the one window tests look through. */
    Metrics metrics() {
        return metrics;
    }

    /**
     * This filter's counters, as {@link Builder#jmx JMX} would publish them, for code that exports them another
     * way (the Spring Boot starter reads them with Micrometer). Reading them costs requests nothing.
     */
    public MethodGuardMBean counters() {
        return metrics;
    }

    /**
     * Programmatic configuration, filled in code or by {@link InitParams} from a filter's init-params (as
     * {@code CaffeineSpec} fills {@code Caffeine}). Each option may be set once (a second call is a mistake and
     * throws {@link IllegalStateException}); values are validated at once and rejected with
     * {@link IllegalArgumentException}. Servlet names are checked against the registrations at {@code init()}.
     */
    public static final class Builder {
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

        private Builder() {
        }

        /** Declares the methods of the servlet registered under {@code servletName}, like {@link AllowedMethods}. */
        public Builder allowedMethods(String servletName, String... methods) {
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(methods, "methods");
            requireUndeclared("allowedMethods", servletName);
            servlets.put(servletName, validate("allowedMethods(\"" + servletName + "\")", methods));
            return this;
        }

        /**
         * Declares a route table for a front-controller servlet (Spring's {@code dispatcherServlet}, a Jersey
         * or RESTEasy servlet): {@code .routes("api", r -> r.route("/items/{id}", "GET", "PUT", "DELETE"))}.
         * Templates are relative to the servlet's mapping; the most specific route wins (see {@link Routes});
         * a request that matches no route passes through. Invalid templates fail here.
         */
        public Builder routes(String servletName, Consumer<Routes> routes) {
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(routes, "routes");
            Routes table = new Routes(servletName);
            routes.accept(table);
            requireUndeclared("routes", servletName);
            if (table.routes.isEmpty()) {
                throw new IllegalArgumentException("routes(\"" + servletName + "\"): no routes given; expected at least one route(...)");
            }
            RouteTable.of(table.routes, RouteTable.Ranking.SPECIFIC);
            this.routes.put(servletName, List.copyOf(table.routes));
            return this;
        }

        /**
         * Derives the route table of a Jakarta REST servlet from its resource classes' annotations
         * ({@code @Path} and every {@code @HttpMethod} annotation), read without running them.
         */
        public Builder jakartaRest(String servletName, Class<?>... resourceClasses) {
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(resourceClasses, "resources");
            requireUndeclared("jakartaRest", servletName);
            if (resourceClasses.length == 0) {
                throw new IllegalArgumentException("jakartaRest(\"" + servletName + "\"): no resource classes given");
            }
            for (Class<?> c : resourceClasses) {
                Objects.requireNonNull(c, "resource class");
            }
            jakartaRest.put(servletName, List.of(resourceClasses));
            return this;
        }

        /** Methods the server recognizes although no servlet allows them (they get 405, not 501), e.g. {@code "PROPFIND"}. */
        public Builder knownMethods(String... methods) {
            Objects.requireNonNull(methods, "methods");
            requireUnset(knownMethods, "knownMethods", InitParams.KNOWN_METHODS);
            knownMethods = validate("knownMethods", methods);
            return this;
        }

        /** The body format of 405 and 501 responses; default {@link BodyFormat#JSON}. */
        public Builder format(BodyFormat format) {
            Objects.requireNonNull(format, "format");
            requireUnset(this.format, "format", InitParams.FORMAT);
            this.format = format;
            return this;
        }

        /** Whether TRACE may reach servlets that support it; default {@code false} (TRACE gets 405). */
        public Builder allowTrace(boolean allowTrace) {
            requireUnset(this.allowTrace, "allowTrace", InitParams.ALLOW_TRACE);
            this.allowTrace = allowTrace;
            return this;
        }

        /** Whether to register the counters as a JMX MXBean ({@link MethodGuardMBean}); default {@code false}. */
        public Builder jmx(boolean jmx) {
            requireUnset(this.jmx, "jmx", InitParams.JMX);
            this.jmx = jmx;
            return this;
        }

        /** {@link Mode#ENFORCE} (default) or {@link Mode#REPORT_ONLY}: count and log, reject nothing. */
        public Builder mode(Mode mode) {
            Objects.requireNonNull(mode, "mode");
            requireUnset(this.mode, "mode", InitParams.MODE);
            this.mode = mode;
            return this;
        }

        /** What happens to CORS preflights; default {@link Preflight#AUTO}. */
        public Builder preflight(Preflight preflight) {
            Objects.requireNonNull(preflight, "preflight");
            requireUnset(this.preflight, "preflight", InitParams.PREFLIGHT);
            this.preflight = preflight;
            return this;
        }

        /** Bodies of 405 and 501 in the application's own error shape; default: the built-in {@link #format}. */
        public Builder errorBody(ErrorBodyFactory factory) {
            Objects.requireNonNull(factory, "errorBody");
            requireUnset(errorBody, "errorBody", InitParams.ERROR_BODY);
            this.errorBody = factory;
            return this;
        }

        /** A filter with this configuration; the builder may be reused. */
        public MethodGuardFilter build() {
            return new MethodGuardFilter(this);
        }

        /**
         * A builder filled from a filter's init-params ({@link InitParams} is their grammar), and its settings. A bad
         * value fails naming the filter, the parameter, the value and what is accepted. Unknown parameter names are
         * rejected: a typo such as {@code allow_trace} must not silently leave the default in force.
         */
        static Settings parse(String label, Map<String, String> params, ClassLoader loader) throws ServletException {
            Builder builder = new Builder();
            for (Map.Entry<String, String> e : params.entrySet()) {
                try {
                    builder.initParam(e.getKey(), e.getValue(), loader);
                } catch (IllegalArgumentException ex) {
                    throw InitParams.rejected(label, e.getKey(), e.getValue(), ex);
                }
            }
            return builder.settings();
        }

        /** Sets the option of one init-param; {@code loader} loads an {@code error-body} class. */
        private void initParam(String name, String value, ClassLoader loader) {
            switch (name) {
                case InitParams.KNOWN_METHODS -> knownMethods(Methods.parseList(value).toArray(String[]::new));
                case InitParams.FORMAT -> format(InitParams.choice(value, BodyFormat.values(), BodyFormat::paramValue, "a format"));
                case InitParams.ALLOW_TRACE -> allowTrace(InitParams.parseBoolean(value));
                case InitParams.JMX -> jmx(InitParams.parseBoolean(value));
                case InitParams.MODE -> mode(InitParams.choice(value, Mode.values(), Mode::paramValue, "a mode"));
                case InitParams.PREFLIGHT -> preflight(InitParams.choice(value, Preflight.values(), Preflight::paramValue, "a preflight rule"));
                case InitParams.ERROR_BODY -> errorBody(InitParams.errorBody(value, loader));
                default -> throw new IllegalArgumentException("is not a MethodGuard parameter; accepted: " + String.join(", ", InitParams.ALL));
            }
        }

        /** The immutable value the filter reads: what was set, defaults for the rest. */
        Settings settings() {
            Settings d = Settings.DEFAULTS;
            return new Settings(servlets, routes, jakartaRest, knownMethods == null ? d.knownMethods() : knownMethods,
                    format == null ? d.format() : format, allowTrace == null ? d.allowTrace() : allowTrace,
                    jmx == null ? d.jmx() : jmx, mode == null ? d.mode() : mode,
                    preflight == null ? d.preflight() : preflight, errorBody);
        }

        private void requireUndeclared(String option, String servletName) {
            Object earlier = servlets.containsKey(servletName) ? servlets.get(servletName)
                    : routes.containsKey(servletName) ? "routes " + routes.get(servletName).stream().map(RouteTable.Route::template).toList()
                    : jakartaRest.containsKey(servletName) ? "jakartaRest " + jakartaRest.get(servletName) : null;
            if (earlier != null) {
                throw new IllegalStateException(option + ": servlet '" + servletName + "' was already declared as " + earlier);
            }
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

    /**
     * The route table of one servlet, filled in {@link Builder#routes}. A template starts with {@code /};
     * its segments are literals, parameters {@code {id}} (one segment), parameters with a regex
     * {@code {id: \\d+}}, or a trailing catch-all {@code {rest...}} or {@code *}. The most specific
     * route that matches a request judges it; a method it refuses is still allowed when another route matching
     * the same path has it (as Spring MVC and Go's ServeMux choose among routes matching path and method), and
     * the {@code Allow} of a 405 lists the methods of all of them. HEAD is implied by GET
     * and OPTIONS is always allowed.
     */
    public static final class Routes {
        private final String servletName;
        private final List<RouteTable.Route> routes = new ArrayList<>();

        private Routes(String servletName) {
            this.servletName = servletName;
        }

        /** Adds a route: a path template and the methods it serves. */
        public Routes route(String template, String... methods) {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(methods, "methods");
            Set<String> valid;
            try {
                valid = Methods.validate(Arrays.asList(methods));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("routes(\"" + servletName + "\"): route " + template + ": " + e.getMessage(), e);
            }
            routes.add(new RouteTable.Route(template, valid, "builder"));
            return this;
        }

        /**
         * Adds a fallback route: one the servlet consults only for paths no other route matches, as Spring MVC
         * serves static resources ({@code /**}) only where no controller maps the path. It judges only such
         * paths; elsewhere its methods neither allow nor appear in an {@code Allow}.
         */
        public Routes fallback(String template, String... methods) {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(methods, "methods");
            Set<String> valid;
            try {
                valid = Methods.validate(Arrays.asList(methods));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("routes(\"" + servletName + "\"): fallback route " + template + ": " + e.getMessage(), e);
            }
            routes.add(RouteTable.Route.fallback(template, valid, "builder (fallback)"));
            return this;
        }

        /**
         * Adds a route the servlet serves with any method (a Spring mapping without a method): MethodGuard
         * passes its requests, and those of routes that can match the same paths, through unjudged.
         */
        public Routes anyMethod(String template) {
            Objects.requireNonNull(template, "template");
            routes.add(new RouteTable.Route(template, null, "builder"));
            return this;
        }
    }
}
