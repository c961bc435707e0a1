package dev.methodguard;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates every MethodGuard filter of a web application and logs its startup table when the
 * application is deployed, not when the filter is first used: some servers (WildFly, Open Liberty)
 * initialize filters on the first request, and some (GlassFish, Payara) deploy an application whose
 * filter failed to initialize. A bad configuration thrown from here fails the deployment on every
 * server, so the application never runs unguarded.
 *
 * <p>Declared by the jar's {@code META-INF/web-fragment.xml}, so a WAR needs nothing more. A WAR whose
 * {@code web.xml} is {@code metadata-complete="true"} (or excludes the fragment by ordering) declares it
 * itself: {@code <listener><listener-class>dev.methodguard.MethodGuardStartup</listener-class></listener>}.
 * The filter's {@code init()} then reuses what was resolved here.
 */
public final class MethodGuardStartup implements ServletContextListener {
    private static final Logger LOG = System.getLogger("dev.methodguard");
    private static final String ATTRIBUTE = "dev.methodguard.prepared.";

    /** What this listener resolved for one filter, handed to that filter's init() through a context attribute. */
    private record Prepared(Settings settings, Map<String, String> registrations, Policy policy) {
    }

    /** For the container. */
    public MethodGuardStartup() {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Map<String, ? extends FilterRegistration> filters;
        try {
            filters = context.getFilterRegistrations();
        } catch (UnsupportedOperationException notHere) {
            return; // a context that hides its registrations: each filter's init() does the work
        }
        for (Map.Entry<String, ? extends FilterRegistration> e : new TreeMap<>(filters).entrySet()) {
            String name = e.getKey();
            Class<?> filterClass = load(e.getValue().getClassName(), context);
            if (filterClass == null || !MethodGuardFilter.class.isAssignableFrom(filterClass) || context.getAttribute(ATTRIBUTE + name) != null) {
                continue;
            }
            String label = InitParams.filterLabel(name);
            try {
                Map<String, String> params = e.getValue().getInitParameters();
                ClassLoader loader = context.getClassLoader();
                Settings settings;
                if (filterClass == MethodGuardFilter.class) {
                    settings = InitParams.parse(label, params, loader);
                } else {
                    MethodGuardFilter instance = instantiate(filterClass);
                    if (instance == null) {
                        continue; // no public no-argument constructor: the filter's own init() validates
                    }
                    settings = instance.settings(label, params, loader);
                }
                Policy policy = CapabilityResolver.resolve(settings, context, label);
                log(policy, contextLabel(context));
                context.setAttribute(ATTRIBUTE + name, new Prepared(settings, registrations(context), policy));
            } catch (ServletException ex) {
                LOG.log(Level.ERROR, "MethodGuard: " + ex.getMessage() + ". The application is not started: "
                        + "MethodGuard fails closed rather than leave it unguarded");
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // nothing held: the filters own their state
    }

    /**
     * The policy this listener resolved for the filter, if the filter's settings and the context's servlets
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

    static void log(Policy p, String contextPath) {
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

    private static Class<?> load(String className, ServletContext context) {
        if (className == null) {
            return null;
        }
        try {
            return Class.forName(className, false, context.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static MethodGuardFilter instantiate(Class<?> filterClass) {
        try {
            if (!Modifier.isPublic(filterClass.getModifiers()) || Modifier.isAbstract(filterClass.getModifiers())) {
                return null;
            }
            return (MethodGuardFilter) filterClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
