package dev.methodguard;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A servlet filter that answers requests whose method the target servlet does not support, before the
 * servlet runs: <b>501 Not Implemented</b> when nothing in the application implements the method,
 * <b>405 Method Not Allowed</b> with an {@code Allow} header when the application knows the method but
 * this resource does not support it, both with a small JSON body. OPTIONS is answered with {@code Allow}.
 *
 * <p>Servlets declare their methods with the servlet init-param {@code methodguard.allowed-methods},
 * {@link AllowedMethods @AllowedMethods}, or {@link Builder#allowedMethods}; plain {@code HttpServlet}s
 * are introspected; anything else is left alone. All of it is resolved once in {@link #init}, which fails
 * with a {@link ServletException} naming any bad parameter and value; {@link #doFilter} only reads the
 * result.
 *
 * <p>Use the public constructor from {@code web.xml} (options as filter init-params), or
 * {@link #builder()} in code. To register it by annotation, extend it:
 * {@code @WebFilter("/*") public class Guard extends MethodGuardFilter {}}.
 */
public class MethodGuardFilter implements Filter {
    private static final Logger LOG = System.getLogger("dev.methodguard");

    /** Builder settings, or {@code null} when configured by init-params. */
    private final Settings preset;
    private volatile Policy policy;
    private ResponseWriter writer;
    private final Metrics metrics = new Metrics();

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
        String label = InitParams.filterLabel(config);
        Settings settings;
        if (preset == null) {
            settings = InitParams.parse(config);
        } else {
            List<String> params = InitParams.names(config);
            if (!params.isEmpty()) {
                throw new ServletException(label + " was configured with MethodGuardFilter.builder(), but also has init-params "
                        + params + "; set these options on the builder instead");
            }
            settings = preset;
        }
        ServletContext context = config.getServletContext();
        String contextPath = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        Policy p = CapabilityResolver.resolve(settings, context, label);
        this.writer = new ResponseWriter(settings.format());
        metrics.policy(p);
        if (settings.jmx()) {
            try {
                ObjectName name = metrics.register(context.getVirtualServerName(), contextPath, config.getFilterName());
                LOG.log(Level.INFO, "MethodGuard: counters registered with JMX as {0}", name);
            } catch (JMException e) {
                throw new ServletException(label + ": init-param '" + InitParams.JMX + "' = 'true': " + e.getMessage(), e);
            }
        }
        this.policy = p;
        logPolicy(p, contextPath);
    }

    /**
     * Passes allowed requests on; answers OPTIONS (except CORS preflights) and rejects the rest. Only
     * REQUEST dispatches to declared servlets are checked: a map lookup and a set test, nothing allocated.
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Policy p = policy;
        if (p == null) {
            throw new IllegalStateException("MethodGuardFilter.doFilter called before init()");
        }
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse res
                && req.getDispatcherType() == DispatcherType.REQUEST) {
            HttpServletMapping mapping = req.getHttpServletMapping();
            Capability capability = mapping == null ? null : p.capability(mapping.getServletName());
            if (capability != null) {
                String method = req.getMethod();
                if (!capability.allows(method)) {
                    reject(p, req, res, capability, method);
                    return;
                }
                if (method.equals(Methods.OPTIONS) && !isCorsPreflight(req)) {
                    metrics.optionsAnswered.increment();
                    writer.options(res, capability);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(Policy p, HttpServletRequest req, HttpServletResponse res, Capability capability, String method)
            throws IOException {
        boolean known = p.isKnown(method);
        (known ? metrics.rejected405 : metrics.rejected501).increment();
        String path = req.getRequestURI();
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "rejected {0} {1} with {2}", Escape.forLog(method, ResponseWriter.MAX_METHOD),
                    Escape.forLog(path, 256), known ? 405 : 501);
        }
        writer.reject(res, method, path == null ? "" : path, known ? capability : null, method.equals(Methods.HEAD));
    }

    /** A CORS preflight belongs to whatever handles CORS, not to us (Fetch standard, CORS-preflight request). */
    private static boolean isCorsPreflight(HttpServletRequest req) {
        return req.getHeader("Origin") != null && req.getHeader("Access-Control-Request-Method") != null;
    }

    @Override
    public void destroy() {
        // The policy is plain immutable data; only a JMX registration outlives us if left behind.
        metrics.unregister();
    }

    /** The resolved policy; {@code null} before {@link #init}. */
    Policy policy() {
        return policy;
    }

    long rejected405() {
        return metrics.getRejected405();
    }

    long rejected501() {
        return metrics.getRejected501();
    }

    /** The counters and their JMX registration, if any. */
    Metrics metrics() {
        return metrics;
    }

    private static void logPolicy(Policy p, String contextPath) {
        LOG.log(Level.INFO, p.describe(contextPath));
        for (String warning : p.warnings) {
            LOG.log(Level.WARNING, "MethodGuard: " + warning);
        }
    }

    /**
     * Programmatic configuration. Each option may be set once (a second call is a mistake and throws
     * {@link IllegalStateException}); values are validated at once and rejected with
     * {@link IllegalArgumentException}. Servlet names are checked against the registrations at {@code init()}.
     */
    public static final class Builder {
        private final Map<String, Set<String>> servlets = new LinkedHashMap<>();
        private Set<String> knownMethods;
        private BodyFormat format;
        private Boolean allowTrace;
        private Boolean jmx;

        private Builder() {
        }

        /** Declares the methods of the servlet registered under {@code servletName}, like {@link AllowedMethods}. */
        public Builder allowedMethods(String servletName, String... methods) {
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(methods, "methods");
            if (servlets.containsKey(servletName)) {
                throw new IllegalStateException("allowedMethods: servlet '" + servletName + "' was already declared as " + servlets.get(servletName));
            }
            servlets.put(servletName, validate("allowedMethods(\"" + servletName + "\")", methods));
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

        /**
         * Whether to register the rejection counters as a JMX MBean ({@link MethodGuardMBean}); default
         * {@code false}.
         */
        public Builder jmx(boolean jmx) {
            requireUnset(this.jmx, "jmx", InitParams.JMX);
            this.jmx = jmx;
            return this;
        }

        /** A filter with this configuration; the builder may be reused. */
        public MethodGuardFilter build() {
            return new MethodGuardFilter(this);
        }

        Settings settings() {
            return new Settings(servlets, knownMethods == null ? Set.of() : knownMethods,
                    format == null ? BodyFormat.JSON : format, allowTrace != null && allowTrace, jmx != null && jmx);
        }

        private static Set<String> validate(String option, String[] methods) {
            try {
                return new LinkedHashSet<>(Methods.validate(Arrays.asList(methods)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(option + ": " + (e.getMessage() == null ? "null method" : e.getMessage()), e);
            }
        }

        private static void requireUnset(Object current, String option, String param) {
            if (current != null) {
                throw new IllegalStateException(option + " (init-param " + param + ") was already set to " + current);
            }
        }
    }
}
