package dev.methodguard;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a filter's {@link Policy} once per deployment and logs its startup table: at deployment, by
 * {@link MethodGuardStartup}, which hands the result to the filter's {@code init()} through a context
 * attribute; or in {@code init()} itself when no startup listener ran (embedded servers, metadata-complete
 * WARs). The listener and the filter both call down to here, never to each other.
 */
final class Resolution {
    private static final Logger LOG = System.getLogger("dev.methodguard");
    private static final String ATTRIBUTE = "dev.methodguard.prepared.";

    /** What the listener resolved for one filter, handed to that filter's init() through a context attribute. */
    private record Prepared(Settings settings, Map<String, String> registrations, Policy policy) {
    }

    private Resolution() {
    }

    /** At deployment: whether a policy was already prepared for this filter name. */
    static boolean isPrepared(ServletContext context, String filterName) {
        return context.getAttribute(ATTRIBUTE + filterName) != null;
    }

    /** At deployment: resolves, logs, and keeps the result for the filter's init(). */
    static void prepare(ServletContext context, String filterName, String label, Settings settings) throws ServletException {
        Policy policy = CapabilityResolver.resolve(settings, context, label);
        log(policy, contextLabel(context));
        context.setAttribute(ATTRIBUTE + filterName, new Prepared(settings, registrations(context), policy));
    }

    /** At init(): the policy prepared at deployment if still valid (see {@link #prepared}), else resolved and logged now. */
    static Policy policy(ServletContext context, String filterName, String label, Settings settings) throws ServletException {
        Policy p = prepared(context, filterName, settings);
        if (p == null) {
            p = CapabilityResolver.resolve(settings, context, label);
            log(p, contextLabel(context));
        }
        return p;
    }

    /**
     * The policy the listener resolved for the filter, if the filter's settings and the context's servlets
     * are still what they were then; {@code null} otherwise (the filter resolves again). Taken once.
     */
    static Policy prepared(ServletContext context, String filterName, Settings settings) {
        Object o = context.getAttribute(ATTRIBUTE + filterName);
        if (!(o instanceof Prepared p)) {
            return null;
        }
        context.removeAttribute(ATTRIBUTE + filterName);
        return p.settings.sameAs(settings) && p.registrations.equals(registrations(context)) ? p.policy : null;
    }

    private static void log(Policy p, String contextPath) {
        LOG.log(Level.INFO, p.describe(contextPath));
        for (String warning : p.warnings) {
            LOG.log(Level.WARNING, "MethodGuard: " + warning);
        }
    }

    static String contextLabel(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static Map<String, String> registrations(ServletContext context) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ? extends ServletRegistration> e : context.getServletRegistrations().entrySet()) {
            out.put(e.getKey(), String.valueOf(e.getValue().getClassName()) + " " + e.getValue().getMappings());
        }
        return out;
    }
}
