package dev.methodguard;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds the resource classes behind a Jakarta REST servlet (Jersey's, RESTEasy's, and those the servers
 * add for an {@code @ApplicationPath} application) without running application code: from the class
 * lists in its init-params, by scanning the packages it names, or by scanning {@code WEB-INF/classes}
 * when the application leaves resource discovery to the server. Where the resources are chosen in code
 * ({@code Application.getClasses()}, a Jersey {@code ResourceConfig}), it says so and finds nothing: the
 * servlet then stays servlet-level, with a WARNING.
 */
final class JakartaRestServlets {
    static final Set<String> CLASSES = Set.of(
            "org.glassfish.jersey.servlet.ServletContainer",
            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
            "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher");

    private static final String APPLICATION = "jakarta.ws.rs.core.Application";
    private static final String RESTEASY_PREFIX = "org.jboss.resteasy.";
    private static final String RESOURCE_CONFIG = "org.glassfish.jersey.server.ResourceConfig";
    /** Init-params (and, for RESTEasy on WildFly, context-params) that list resource classes by name. */
    private static final List<String> CLASS_LISTS = List.of(
            "jersey.config.server.provider.classnames", "resteasy.resources", "resteasy.scanned.resources");
    private static final String PACKAGES = "jersey.config.server.provider.packages";

    /** The classes found ({@code null}: none can be known), and how, for the startup table. */
    record Found(List<Class<?>> classes, String how) {
    }

    private JakartaRestServlets() {
    }

    /**
     * RESTEasy matches request methods ignoring case (it serves {@code get} as GET) and picks the resource
     * class first; Jersey does neither (it serves {@code DELETE /users/me} through {@code users/{user}}).
     */
    static boolean isResteasy(String servletClassName) {
        return servletClassName != null && servletClassName.startsWith(RESTEASY_PREFIX);
    }

    static Found find(String servletName, ServletRegistration reg, ServletContext context) {
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : JakartaRestServlets.class.getClassLoader();
        for (String param : CLASS_LISTS) {
            String list = reg.getInitParameter(param);
            if (list == null) {
                list = context.getInitParameter(param);
            }
            if (list != null && !list.isBlank()) {
                List<Class<?>> classes = new ArrayList<>();
                for (String name : list.strip().split("[\\s,;]+")) {
                    Class<?> c = load(name, loader);
                    if (c == null) {
                        return new Found(null, "resource class " + Escape.forLog(name, 200) + " of " + param + " cannot be loaded");
                    }
                    classes.add(c);
                }
                return new Found(classes, "Jakarta REST: " + classes.size() + " classes from " + param);
            }
        }
        String packages = reg.getInitParameter(PACKAGES);
        if (packages != null && !packages.isBlank()) {
            List<String> names = Arrays.asList(packages.strip().split("[\\s,;]+"));
            return found(JakartaRestRoutes.scan(context, loader, names), "packages " + String.join(", ", names) + " in WEB-INF/classes");
        }
        String appName = reg.getInitParameter(APPLICATION);
        Class<?> app = load(appName != null ? appName : servletName, loader);
        if (app != null && isA(app, APPLICATION)) {
            if (isA(app, RESOURCE_CONFIG)) {
                return new Found(null, app.getName() + " is a Jersey ResourceConfig, which registers its resources in code; declare "
                        + "them with the init-param " + InitParams.SERVLET_ROUTES + " or the builder's jakartaRest(...)");
            }
            if (overrides(app, "getClasses") || overrides(app, "getSingletons")) {
                return new Found(null, app.getName() + " chooses its resources in getClasses()/getSingletons(), which MethodGuard "
                        + "does not run; declare them with the init-param " + InitParams.SERVLET_ROUTES + " or the builder's jakartaRest(...)");
            }
        } else if (appName != null) {
            return new Found(null, "its application class " + Escape.forLog(appName, 200) + " cannot be loaded");
        }
        return found(JakartaRestRoutes.scan(context, loader, List.of()), "every @Path class in WEB-INF/classes");
    }

    private static Found found(List<Class<?>> classes, String where) {
        if (classes.isEmpty()) {
            return new Found(null, "no resource class found in " + where);
        }
        return new Found(classes, "Jakarta REST: " + classes.size() + " classes, " + where);
    }

    private static boolean isA(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class between {@code app} and Application declares the method (so its result is chosen in code). */
    private static boolean overrides(Class<?> app, String method) {
        for (Class<?> k = app; k != null && !k.getName().equals(APPLICATION); k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Class.forName(name.strip(), false, loader != null ? loader : JakartaRestServlets.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
