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
 * presented as one to the DispatcherServlet. A test that runs a real server and MockMvc at once gets one
 * MethodGuard for each; the server's requests never take the MockMvc path.
 *
 * <p>Spring 7 matches no trailing slash ({@code /owners/1/} is not {@code /owners/{id}}, every method gets 404),
 * MethodGuard ignores one: so a path ending in a slash (other than the context root) passes through unjudged and
 * Spring answers it as it would without MethodGuard.
 */
public final class MethodGuardDispatcherFilter implements Filter {
    /** One MethodGuard, built for one servlet context. */
    private record Guard(MethodGuardFilter filter, HttpServletMapping mockMapping) {
    }

    /**
     * What is built once the context is ready: the guard of the real server, the guard of MockMvc, or both (a
     * {@code RANDOM_PORT} test with MockMvc initializes the same filter in both). Immutable, published at once.
     */
    private record Guards(Guard real, Guard mock) {
    }

    private final Supplier<MethodGuardFilter> factory;
    private final String servletName;
    private final String servletClass;
    private volatile Guards guards;
    private FilterConfig realConfig;
    private FilterConfig mockConfig;
    private boolean contextReady;

    MethodGuardDispatcherFilter(Supplier<MethodGuardFilter> factory, String servletName, String servletClass) {
        this.factory = factory;
        this.servletName = servletName;
        this.servletClass = servletClass;
    }

    @Override
    public synchronized void init(FilterConfig filterConfig) throws ServletException {
        Map<String, ? extends ServletRegistration> registrations;
        try {
            registrations = filterConfig.getServletContext().getServletRegistrations();
        } catch (UnsupportedOperationException e) {
            registrations = Map.of();
        }
        if (registrations != null && registrations.containsKey(servletName)) {
            realConfig = filterConfig;
        } else {
            mockConfig = filterConfig; // MockMvc: no registration of the DispatcherServlet
        }
        guards = null;
        if (contextReady) {
            build();
        }
    }

    /** Called once every singleton exists: the handler mappings can be read. */
    synchronized void contextReady() throws ServletException {
        contextReady = true;
        if ((realConfig != null || mockConfig != null) && guards == null) {
            build();
        }
    }

    private synchronized Guards build() throws ServletException {
        Guards g = guards;
        if (g != null) {
            return g;
        }
        if (realConfig == null && mockConfig == null) {
            throw new IllegalStateException("MethodGuardDispatcherFilter.doFilter called before init()");
        }
        Guard real = null;
        Guard mock = null;
        if (realConfig != null) {
            MethodGuardFilter filter = factory.get();
            filter.init(realConfig);
            real = new Guard(filter, null);
        }
        if (mockConfig != null) {
            MethodGuardFilter filter = factory.get();
            filter.init(MockDispatcher.config(mockConfig, servletName, servletClass));
            mock = new Guard(filter, MockDispatcher.mapping(servletName));
        }
        g = new Guards(real, mock);
        guards = g;
        return g;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Guards g = guards;
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
            if (g.mock != null && (g.real == null || namesNoServlet(req))) {
                HttpServletRequest named = MockDispatcher.request(req, g.mock.mockMapping);
                g.mock.filter.doFilter(named, response, MockDispatcher.unwrapping(chain, named, req));
                return;
            }
        }
        if (g.real != null) {
            g.real.filter.doFilter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A MockMvc request: its mapping names no servlet (a real server's always does). */
    private static boolean namesNoServlet(HttpServletRequest req) {
        HttpServletMapping m = req.getHttpServletMapping();
        return m == null || m.getServletName() == null || m.getServletName().isEmpty();
    }

    @Override
    public synchronized void destroy() {
        Guards g = guards;
        guards = null;
        if (g != null && g.real != null) {
            g.real.filter.destroy();
        }
        if (g != null && g.mock != null) {
            g.mock.filter.destroy();
        }
    }

    /** MethodGuard's counters (the real server's where there is one), or {@code null} before it is built. */
    MethodGuardMBean counters() {
        Guards g = guards;
        if (g == null) {
            return null;
        }
        return g.real != null ? g.real.filter.counters() : g.mock != null ? g.mock.filter.counters() : null;
    }
}
