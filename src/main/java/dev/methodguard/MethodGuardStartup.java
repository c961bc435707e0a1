package dev.methodguard;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
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
            Class<?> filterClass = Classes.load(e.getValue().getClassName(), classLoader(context)).orElse(null);
            if (filterClass == null || !MethodGuardFilter.class.isAssignableFrom(filterClass) || Resolution.isPrepared(context, name)) {
                continue;
            }
            String label = InitParams.filterLabel(name);
            try {
                Map<String, String> params = e.getValue().getInitParameters();
                ClassLoader loader = context.getClassLoader();
                // An instance, as the container makes it: a subclass may preset a builder's settings.
                MethodGuardFilter instance = instantiate(filterClass);
                if (instance == null) {
                    continue; // no public no-argument constructor: the filter's own init() validates
                }
                Resolution.prepare(context, name, label, instance.settings(label, params, loader));
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

    /** The application's loader; a class that cannot be loaded there is no filter of this application. */
    private static ClassLoader classLoader(ServletContext context) {
        try {
            ClassLoader loader = context.getClassLoader();
            return loader != null ? loader : MethodGuardStartup.class.getClassLoader();
        } catch (RuntimeException refused) {
            return MethodGuardStartup.class.getClassLoader();
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
