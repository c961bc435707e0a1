package dev.methodguard;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CORS filters of the context that MethodGuard recognizes by class name, and which servlets they
 * cover. Under {@link Preflight#AUTO} a preflight passes on only to a servlet such a filter covers: the
 * filter answers it, and the servlet never runs for an OPTIONS it does not implement.
 */
final class CorsFilters {
    /** Filters that answer a preflight themselves, without calling the rest of the chain. */
    static final Set<String> CLASSES = Set.of(
            "org.apache.catalina.filters.CorsFilter",
            "org.springframework.web.filter.CorsFilter",
            "com.thetransactioncompany.cors.CORSFilter");
    /**
     * Jetty's filter passes a preflight down the chain to the servlet unless its init-param
     * {@code chainPreflight} is {@code false} (CrossOriginFilter.init), so only then does it count.
     */
    static final Set<String> JETTY_CLASSES = Set.of(
            "org.eclipse.jetty.ee10.servlets.CrossOriginFilter",
            "org.eclipse.jetty.ee11.servlets.CrossOriginFilter");

    private static final CorsFilters NONE = new CorsFilters(List.of(), List.of());

    private final List<String> urlPatterns;
    private final List<String> servletNames;

    private CorsFilters(List<String> urlPatterns, List<String> servletNames) {
        this.urlPatterns = urlPatterns;
        this.servletNames = servletNames;
    }

    static CorsFilters read(ServletContext context) {
        Map<String, ? extends FilterRegistration> filters;
        try {
            filters = context.getFilterRegistrations();
        } catch (RuntimeException notAllowedHere) {
            return NONE;
        }
        if (filters == null) {
            return NONE;
        }
        List<String> patterns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FilterRegistration f : filters.values()) {
            if (answersPreflights(f)) {
                addAll(patterns, f.getUrlPatternMappings());
                addAll(names, f.getServletNameMappings());
            }
        }
        return patterns.isEmpty() && names.isEmpty() ? NONE : new CorsFilters(List.copyOf(patterns), List.copyOf(names));
    }

    private static boolean answersPreflights(FilterRegistration f) {
        String c = f.getClassName();
        if (c == null) {
            return false;
        }
        if (JETTY_CLASSES.contains(c)) {
            String chain = f.getInitParameter("chainPreflight");
            return chain != null && chain.strip().equalsIgnoreCase("false");
        }
        return CLASSES.contains(c);
    }

    private static void addAll(List<String> into, Collection<String> from) {
        if (from != null) {
            into.addAll(from);
        }
    }

    boolean coversEverything() {
        return urlPatterns.contains("/*") || servletNames.contains("*");
    }

    /** Whether every mapping of the servlet lies under a CORS filter (a generous "maybe" is a no). */
    boolean covers(String servletName, List<String> mappings) {
        if (coversEverything() || servletNames.contains(servletName)) {
            return true;
        }
        if (mappings.isEmpty()) {
            return false;
        }
        for (String m : mappings) {
            if (!coveredByPattern(m)) {
                return false;
            }
        }
        return true;
    }

    private boolean coveredByPattern(String mapping) {
        for (String p : urlPatterns) {
            if (p.equals(mapping)) {
                return true;
            }
            if (p.endsWith("/*")) {
                String prefix = p.substring(0, p.length() - 2);
                if (mapping.equals(prefix) || mapping.startsWith(prefix + "/")) {
                    return true;
                }
            }
        }
        return false;
    }
}
