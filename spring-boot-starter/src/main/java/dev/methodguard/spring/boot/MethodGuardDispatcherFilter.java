package dev.methodguard.spring.boot;

import dev.methodguard.MethodGuardFilter;
import dev.methodguard.MethodGuardMBean;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The filter the starter registers: {@link MethodGuardFilter}, built once the application context has its
 * handler mappings. The servlet container initializes filters before Spring has created its beans, so this
 * filter keeps its {@link FilterConfig} and builds MethodGuard once every singleton exists (or at the latest
 * on the first request); requests then cost MethodGuard's own check plus one field read.
 *
 * <p>Under MockMvc (a servlet context without the DispatcherServlet's registration, requests that name no
 * servlet) the same routes judge the requests: MethodGuard is given the registration, and each request is
 * presented as one to the DispatcherServlet.
 *
 * <p>Spring 7 matches no trailing slash ({@code /owners/1/} is not {@code /owners/{id}}, every method gets 404),
 * MethodGuard ignores one: so a path ending in a slash (other than the context root) passes through unjudged and
 * Spring answers it as it would without MethodGuard.
 */
public final class MethodGuardDispatcherFilter implements Filter {
    /** What is built once the context is ready. */
    private record Guard(MethodGuardFilter filter, boolean mock, HttpServletMapping mockMapping) {
    }

    private final Supplier<MethodGuardFilter> factory;
    private final String servletName;
    private final String servletClass;
    private volatile Guard guard;
    private FilterConfig config;
    private boolean contextReady;

    MethodGuardDispatcherFilter(Supplier<MethodGuardFilter> factory, String servletName, String servletClass) {
        this.factory = factory;
        this.servletName = servletName;
        this.servletClass = servletClass;
    }

    @Override
    public synchronized void init(FilterConfig filterConfig) throws ServletException {
        this.config = filterConfig;
        this.guard = null;
        if (contextReady) {
            build();
        }
    }

    /** Called once every singleton exists: the handler mappings can be read. */
    synchronized void contextReady() throws ServletException {
        contextReady = true;
        if (config != null && guard == null) {
            build();
        }
    }

    private synchronized Guard build() throws ServletException {
        if (guard != null) {
            return guard;
        }
        if (config == null) {
            throw new IllegalStateException("MethodGuardDispatcherFilter.doFilter called before init()");
        }
        MethodGuardFilter filter = factory.get();
        Map<String, ? extends ServletRegistration> registrations;
        try {
            registrations = config.getServletContext().getServletRegistrations();
        } catch (UnsupportedOperationException e) {
            registrations = Map.of();
        }
        boolean mock = registrations == null || !registrations.containsKey(servletName);
        filter.init(mock ? MockDispatcher.config(config, servletName, servletClass) : config);
        Guard g = new Guard(filter, mock, mock ? MockDispatcher.mapping(servletName) : null);
        guard = g;
        return g;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Guard g = guard;
        if (g == null) {
            g = build();
        }
        if (request instanceof HttpServletRequest req) {
            String uri = req.getRequestURI();
            int n = uri == null ? 0 : uri.length();
            if (n > 1 && uri.charAt(n - 1) == '/' && n > req.getContextPath().length() + 1) {
                chain.doFilter(request, response); // Spring 7 matches no trailing slash: let it answer as it would
                return;
            }
            if (g.mock) {
                HttpServletRequest named = MockDispatcher.request(req, g.mockMapping);
                g.filter.doFilter(named, response, MockDispatcher.unwrapping(chain, named, req));
                return;
            }
        }
        g.filter.doFilter(request, response, chain);
    }

    @Override
    public synchronized void destroy() {
        Guard g = guard;
        guard = null;
        if (g != null) {
            g.filter.destroy();
        }
    }

    /** MethodGuard's counters, or {@code null} before it is built. */
    MethodGuardMBean counters() {
        Guard g = guard;
        return g == null ? null : g.filter.counters();
    }
}
