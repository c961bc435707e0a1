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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
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
    record State(Policy policy, ResponseWriter writer, ReportLog reportLog, boolean reportOnly) {
    }

    /** Builder settings, or {@code null} when configured by init-params. */
    private final Settings preset;
    private volatile State state;
    private final Metrics metrics = new Metrics();
    private final AtomicBoolean committedLogged = new AtomicBoolean();
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

    @Override
    public void init(FilterConfig config) throws ServletException {
        String label = InitParams.filterLabel(config.getFilterName());
        ServletContext context = config.getServletContext();
        Settings settings = settings(label, InitParams.of(config), Thread.currentThread().getContextClassLoader());
        String contextPath = MethodGuardStartup.contextLabel(context);
        Policy p = MethodGuardStartup.prepared(context, config.getFilterName(), settings);
        if (p == null) {
            // No startup listener ran for this filter (embedded servers, metadata-complete WARs): resolve here.
            p = CapabilityResolver.resolve(settings, context, label);
            MethodGuardStartup.log(p, contextPath);
        }
        metrics.policy(p, contextPath);
        if (settings.jmx()) {
            try {
                jmx = JmxRegistration.register(metrics, context.getVirtualServerName(), contextPath, config.getFilterName());
                LOG.log(Level.INFO, "MethodGuard: counters registered with JMX as {0}", jmx.name());
            } catch (JMException e) {
                throw new ServletException(label + ": init-param '" + SettingsBuilder.JMX + "' = 'true': " + e.getMessage(), e);
            }
        }
        boolean reportOnly = settings.mode() == Mode.REPORT_ONLY;
        this.state = new State(p, new ResponseWriter(settings.format(), settings.errorBody()),
                reportOnly ? new ReportLog() : null, reportOnly);
    }

    /** This filter's settings: the builder's, or its init-params parsed (never both). */
    Settings settings(String label, Map<String, String> params, ClassLoader loader) throws ServletException {
        if (preset == null) {
            return InitParams.parse(label, params, loader);
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
                    // Undeclared: left alone, except TRACE, which must never echo a request unless allowed.
                    if (method.equals(Methods.TRACE) && !s.policy.settings.allowTrace()) {
                        reject(s, req, res, chain, capability, method);
                        return;
                    }
                } else if (!capability.allows(method) && !capability.allowsIgnoringCase(method)) {
                    // A route refused it: another route matching the path may serve it (frameworks choose among
                    // all routes matching path and method). Only now, on the way to a 405, are they all looked at.
                    Capability all = capability.routeIndex < 0 ? capability : s.policy.widen(req, capability);
                    if (all != null && !all.allows(method) && !all.allowsIgnoringCase(method)) {
                        reject(s, req, res, chain, all, method);
                        return;
                    }
                } else if (method.equals(Methods.OPTIONS) && !s.reportOnly) {
                    Capability all = capability.routeIndex < 0 ? capability : s.policy.widen(req, capability);
                    if (all != null) {
                        options(s, req, res, chain, all);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(State s, HttpServletRequest req, HttpServletResponse res, FilterChain chain, Capability capability,
                        String method) throws IOException, ServletException {
        // An undeclared servlet's methods are unknown, so no truthful Allow exists: its TRACE gets a 501.
        boolean known = capability.isDeclared() && s.policy.isKnown(method);
        capability.counters.count(known, s.reportOnly);
        String path = req.getRequestURI();
        path = path == null ? "" : path;
        if (s.reportOnly) {
            s.reportLog.report(capability.label, method, known ? 405 : 501, path);
            chain.doFilter(req, res);
            return;
        }
        if (res.isCommitted()) {
            // Something before us already answered: writing now would corrupt its response.
            if (committedLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "MethodGuard: the response to " + Escape.forLog(method, WireFormat.MAX_METHOD) + " "
                        + Escape.forLog(path, 256) + " was already committed by an earlier filter, so MethodGuard wrote no "
                        + (known ? 405 : 501) + " over it (and the servlet did not run). Logged once.");
            }
            return;
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "rejected {0} {1} with {2}", Escape.forLog(method, WireFormat.MAX_METHOD),
                    Escape.forLog(path, 256), known ? 405 : 501);
        }
        s.writer.reject(res, method, path, known ? capability : null);
    }

    private void options(State s, HttpServletRequest req, HttpServletResponse res, FilterChain chain, Capability capability)
            throws IOException, ServletException {
        if (capability.ownsOptions || (capability.passesPreflight && isCorsPreflight(req))) {
            chain.doFilter(req, new AllowHeaderResponse(res, capability.allowHeader));
            return;
        }
        metrics.optionsAnswered.increment();
        s.writer.options(res, capability);
    }

    /** A CORS preflight (Fetch standard): OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}. */
    private static boolean isCorsPreflight(HttpServletRequest req) {
        return req.getHeader("Origin") != null && req.getHeader("Access-Control-Request-Method") != null;
    }

    @Override
    public void destroy() {
        // The state is plain immutable data; only a JMX registration outlives us if left behind.
        JmxRegistration r = jmx;
        jmx = null;
        if (r != null) {
            r.unregister();
        }
    }

    /** The resolved policy; {@code null} before {@link #init}. */
    Policy policy() {
        State s = state;
        return s == null ? null : s.policy;
    }

    long rejected405() {
        return metrics.getRejected405();
    }

    long rejected501() {
        return metrics.getRejected501();
    }

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

    JmxRegistration jmxRegistration() {
        return jmx;
    }

    /**
     * Programmatic configuration. Each option may be set once (a second call is a mistake and throws
     * {@link IllegalStateException}); values are validated at once and rejected with
     * {@link IllegalArgumentException}. Servlet names are checked against the registrations at {@code init()}.
     */
    public static final class Builder {
        private final SettingsBuilder settings = new SettingsBuilder();

        private Builder() {
        }

        /** Declares the methods of the servlet registered under {@code servletName}, like {@link AllowedMethods}. */
        public Builder allowedMethods(String servletName, String... methods) {
            settings.allowedMethods(servletName, methods);
            return this;
        }

        /**
         * Declares a route table for a front-controller servlet (Spring's {@code dispatcherServlet}, a Jersey
         * or RESTEasy servlet): {@code .routes("api", r -> r.route("/items/{id}", "GET", "PUT", "DELETE"))}.
         * Templates are relative to the servlet's mapping; the most specific route wins (see {@link Routes});
         * a request that matches no route passes through. Invalid templates fail here.
         */
        public Builder routes(String servletName, Consumer<Routes> routes) {
            Objects.requireNonNull(routes, "routes");
            Routes table = new Routes(servletName);
            routes.accept(table);
            settings.routes(servletName, table.routes);
            return this;
        }

        /**
         * Derives the route table of a Jakarta REST servlet from its resource classes' annotations
         * ({@code @Path} and every {@code @HttpMethod} annotation), read without running them.
         */
        public Builder jakartaRest(String servletName, Class<?>... resourceClasses) {
            settings.jakartaRest(servletName, resourceClasses);
            return this;
        }

        /** Methods the server recognizes although no servlet allows them (they get 405, not 501), e.g. {@code "PROPFIND"}. */
        public Builder knownMethods(String... methods) {
            settings.knownMethods(methods);
            return this;
        }

        /** The body format of 405 and 501 responses; default {@link BodyFormat#JSON}. */
        public Builder format(BodyFormat format) {
            settings.format(format);
            return this;
        }

        /** Whether TRACE may reach servlets that support it; default {@code false} (TRACE gets 405). */
        public Builder allowTrace(boolean allowTrace) {
            settings.allowTrace(allowTrace);
            return this;
        }

        /** Whether to register the counters as a JMX MXBean ({@link MethodGuardMBean}); default {@code false}. */
        public Builder jmx(boolean jmx) {
            settings.jmx(jmx);
            return this;
        }

        /** {@link Mode#ENFORCE} (default) or {@link Mode#REPORT_ONLY}: count and log, reject nothing. */
        public Builder mode(Mode mode) {
            settings.mode(mode);
            return this;
        }

        /** What happens to CORS preflights; default {@link Preflight#AUTO}. */
        public Builder preflight(Preflight preflight) {
            settings.preflight(preflight);
            return this;
        }

        /** Bodies of 405 and 501 in the application's own error shape; default: the built-in {@link #format}. */
        public Builder errorBody(ErrorBodyFactory factory) {
            settings.errorBody(factory);
            return this;
        }

        /** A filter with this configuration; the builder may be reused. */
        public MethodGuardFilter build() {
            return new MethodGuardFilter(this);
        }

        Settings settings() {
            return settings.build();
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
            routes.add(new RouteTable.Route(template, valid, "builder (fallback)", RouteTable.FALLBACK));
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
