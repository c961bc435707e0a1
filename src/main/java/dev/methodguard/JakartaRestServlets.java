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
 *
 * <p>What the servers register for an annotation-only application (no web.xml servlet), as seen in their
 * {@code getServletRegistrations()}: the servlet is named after the {@code Application} subclass and mapped
 * to its {@code @ApplicationPath}; WildFly 39: RESTEasy's {@code HttpServlet30Dispatcher}, init-param
 * {@code jakarta.ws.rs.Application}, the scanned classes in the context-param {@code resteasy.scanned.resources};
 * Open Liberty 26 ({@code restfulWS-3.1}, RESTEasy inside): {@code com.ibm.websphere.jaxrs.server.IBMRestServlet},
 * the same two as init-params; GlassFish 7 and Payara 6: Jersey's {@code ServletContainer} without init-params.
 */
final class JakartaRestServlets {
    /** Open Liberty's servlet around its RESTEasy (features restfulWS-3.0/3.1). */
    static final String LIBERTY = "com.ibm.websphere.jaxrs.server.IBMRestServlet";
    static final Set<String> CLASSES = Set.of(
            "org.glassfish.jersey.servlet.ServletContainer",
            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
            "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher",
            LIBERTY);

    private static final String APPLICATION = "jakarta.ws.rs.core.Application";
    /** The servlet init-param naming the application class (Jersey's and RESTEasy's, and what the servers set). */
    private static final String APPLICATION_PARAM = "jakarta.ws.rs.Application";
    private static final String RESTEASY_PREFIX = "org.jboss.resteasy.";
    private static final String RESOURCE_CONFIG = "org.glassfish.jersey.server.ResourceConfig";
    /** Init-params (and, for RESTEasy on WildFly, context-params) that list resource classes by name. */
    private static final List<String> CLASS_LISTS = List.of(
            "jersey.config.server.provider.classnames", "resteasy.resources", "resteasy.scanned.resources");
    /**
     * The list a server fills from its own scan (WildFly, Open Liberty). RESTEasy ignores it where the
     * application chooses its resources in {@code getClasses()}/{@code getSingletons()}: then it is not what is served.
     */
    private static final String SCANNED = "resteasy.scanned.resources";
    private static final String PACKAGES = "jersey.config.server.provider.packages";

    /** The classes found ({@code null}: none can be known), and how, for the startup table. */
    record Found(List<Class<?>> classes, String how) {
    }

    private JakartaRestServlets() {
    }

    /**
     * RESTEasy matches request methods ignoring case (it serves {@code get} as GET) and picks the resource
     * class first; Jersey does neither (it serves {@code DELETE /users/me} through {@code users/{user}}).
     * Open Liberty's servlet runs RESTEasy.
     */
    static boolean isResteasy(String servletClassName) {
        return servletClassName != null && (servletClassName.startsWith(RESTEASY_PREFIX) || servletClassName.equals(LIBERTY));
    }

    static Found find(String servletName, ServletRegistration reg, ServletContext context) {
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : JakartaRestServlets.class.getClassLoader();
        String appName = reg.getInitParameter(APPLICATION_PARAM);
        for (String param : CLASS_LISTS) {
            String list = reg.getInitParameter(param);
            if (list == null) {
                list = context.getInitParameter(param);
            }
            if (list != null && !list.isBlank()) {
                if (param.equals(SCANNED)) {
                    Found inCode = choosesInCode(load(appName, loader));
                    if (inCode != null) {
                        return inCode;
                    }
                }
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
        Class<?> app = load(appName != null ? appName : servletName, loader);
        if (app != null && isA(app, APPLICATION)) {
            Found inCode = choosesInCode(app);
            if (inCode != null) {
                return inCode;
            }
        } else if (appName != null) {
            return new Found(null, "its application class " + Escape.forLog(appName, 200) + " cannot be loaded");
        }
        return found(JakartaRestRoutes.scan(context, loader, List.of()), "every @Path class in WEB-INF/classes");
    }

    /** A finding of nothing where {@code app} (may be {@code null}) chooses its resources in code; {@code null} otherwise. */
    private static Found choosesInCode(Class<?> app) {
        if (app == null || !isA(app, APPLICATION)) {
            return null;
        }
        if (isA(app, RESOURCE_CONFIG)) {
            return new Found(null, app.getName() + " is a Jersey ResourceConfig, which registers its resources in code; declare "
                    + "them with the init-param " + InitParams.SERVLET_ROUTES + " or the builder's jakartaRest(...)");
        }
        if (overrides(app, "getClasses") || overrides(app, "getSingletons")) {
            return new Found(null, app.getName() + " chooses its resources in getClasses()/getSingletons(), which MethodGuard "
                    + "does not run; declare them with the init-param " + InitParams.SERVLET_ROUTES + " or the builder's jakartaRest(...)");
        }
        return null;
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
        return name == null ? null : Classes.load(name.strip(), loader).orElse(null);
    }
}
