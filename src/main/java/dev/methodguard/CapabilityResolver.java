package dev.methodguard;

import dev.methodguard.Capability.Source;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns settings and the context's servlet registrations into a {@link Policy}, once, at {@code init()}.
 * For each servlet the first rule that applies wins: builder or servlet init-param, {@code @AllowedMethods},
 * a known container servlet, introspection of an {@code HttpServlet} that keeps {@code service()};
 * anything else is undeclared and passes through.
 */
final class CapabilityResolver {
    static final String HTTP_SERVLET = "jakarta.servlet.http.HttpServlet";
    private static final String REQ = "jakarta.servlet.http.HttpServletRequest";
    private static final String RES = "jakarta.servlet.http.HttpServletResponse";
    private static final String SREQ = "jakarta.servlet.ServletRequest";
    private static final String SRES = "jakarta.servlet.ServletResponse";

    private static final Map<String, String> DO_METHODS = Map.of(
            "doGet", "GET", "doHead", "HEAD", "doPost", "POST", "doPut", "PUT", "doDelete", "DELETE",
            "doOptions", "OPTIONS", "doTrace", "TRACE", "doPatch", "PATCH");

    /**
     * The containers' static-content servlets: they serve reads only, whatever doXxx they inherit. Tomcat's
     * class is also GlassFish's and Payara's; Undertow's is WildFly's.
     */
    private static final String CATALINA_DEFAULT = "org.apache.catalina.servlets.DefaultServlet";
    private static final Set<String> STATIC_SERVLETS = Set.of(
            CATALINA_DEFAULT,
            "io.undertow.servlet.handlers.DefaultServlet",
            "org.eclipse.jetty.ee10.servlet.DefaultServlet",
            "org.eclipse.jetty.ee11.servlet.DefaultServlet",
            "org.eclipse.jetty.ee10.servlet.ResourceServlet",
            "org.eclipse.jetty.ee11.servlet.ResourceServlet");
    private static final Set<String> STATIC_METHODS = Set.of("GET");
    /** Tomcat's (and GlassFish's) default servlet with {@code readonly=false} also stores and deletes files. */
    private static final Set<String> WRITABLE_STATIC_METHODS = Set.of("GET", "PUT", "DELETE");

    /** JSP servlets: JSPs answer GET, HEAD and POST (Jakarta Pages 3.1 §1.1; others get 405 from the container). */
    private static final Set<String> JSP_SERVLETS = Set.of(
            "org.apache.jasper.servlet.JspServlet",
            "org.glassfish.wasp.servlet.JspServlet",
            "org.eclipse.jetty.ee10.jsp.JettyJspServlet",
            "org.eclipse.jetty.ee11.jsp.JettyJspServlet",
            "org.eclipse.jetty.jsp.JettyJspServlet");
    private static final Set<String> JSP_METHODS = Set.of("GET", "POST");

    /**
     * Jetty's fallback when nothing is mapped to "/". Left alone it would echo TRACE, advertise TRACE in
     * OPTIONS and answer 405 without Allow; it serves nothing but 404s to GET and HEAD, so it is judged
     * like static content that has no files.
     */
    private static final Set<String> FALLBACK_SERVLETS = Set.of(
            "org.eclipse.jetty.ee10.servlet.ServletHandler$Default404Servlet",
            "org.eclipse.jetty.ee11.servlet.ServletHandler$Default404Servlet");

    /**
     * Framework servlets that are no {@code HttpServlet} (so introspection cannot read them) and whose method
     * set their specification fixes. Jakarta Faces 4.0/4.1 (FacesServlet Javadoc, spec §11.1.3): a Faces request
     * is a GET or a POST (postback). Plain-HttpServlet frameworks (Prometheus, H2, Dropwizard metrics, GraphQL
     * servlets, Metro's WSServlet) need no entry: introspection reads their doXxx methods.
     */
    private static final Map<String, Set<String>> FRAMEWORK_SERVLETS = Map.of(
            "jakarta.faces.webapp.FacesServlet", Set.of("GET", "POST"));

    static final String UNREGISTERED = "(unregistered)";
    static final String UNREGISTERED_JSP = "(unregistered jsp)";

    private CapabilityResolver() {
    }

    static Policy resolve(Settings settings, ServletContext context, String filterLabel) throws ServletException {
        Map<String, ? extends ServletRegistration> registrations = new TreeMap<>(context.getServletRegistrations());
        List<String> warnings = new ArrayList<>();
        SecurityConstraints constraints = SecurityConstraints.read(context, warnings::add);
        CorsFilters cors = CorsFilters.read(context);
        for (String name : settings.declaredNames()) {
            if (!registrations.containsKey(name)) {
                throw new ServletException(filterLabel + ": the builder declares methods for servlet '" + Escape.forLog(name, 100)
                        + "', but no servlet of that name is registered; registered: " + String.join(", ", registrations.keySet()));
            }
        }
        List<Capability> capabilities = new ArrayList<>();
        List<RoutedServlet> routed = new ArrayList<>();
        for (Map.Entry<String, ? extends ServletRegistration> e : registrations.entrySet()) {
            Capability c = resolveOne(e.getKey(), e.getValue(), settings, context, filterLabel, constraints, cors, warnings, routed);
            capabilities.add(c);
            if (!c.isDeclared()) {
                warnings.add("servlet '" + c.servletName + "' is undeclared (" + c.note + "), so its requests pass through unchecked. "
                        + "Declare its methods with @AllowedMethods on its class, the servlet init-param "
                        + InitParams.SERVLET_ALLOWED_METHODS + ", or MethodGuardFilter.builder().allowedMethods(\"" + c.servletName + "\", ...)");
            }
        }
        boolean corsEverywhere = cors.coversEverything();
        Capability files = fallback(UNREGISTERED, List.of(), STATIC_METHODS, settings, corsEverywhere);
        Capability jsps = fallback(UNREGISTERED_JSP, List.of("*.jsp", "*.jspx"), JSP_METHODS, settings, corsEverywhere);
        return new Policy(capabilities, routed, context.getContextPath(), files, jsps, settings, warnings);
    }

    private static Capability resolveOne(String name, ServletRegistration reg, Settings settings, ServletContext context,
                                         String filterLabel, SecurityConstraints constraints, CorsFilters cors,
                                         List<String> warnings, List<RoutedServlet> routedOut) throws ServletException {
        List<String> mappings = mappings(reg);
        String className = reg.getClassName();
        Class<?> servletClass = className == null ? null : load(className, context);
        boolean corsCovered = cors.covers(name, mappings);
        // Decided here, once: where GET is constrained and HEAD is not, HEAD is refused (fails closed).
        Declarer declare = (source, raw, note) -> declared(name, mappings, source, raw, note, settings,
                constraints.headGap(mappings, servletClass), corsCovered, warnings);
        Set<String> fromBuilder = settings.servlets().get(name);
        List<RouteTable.Route> builderRoutes = settings.routes().get(name);
        List<Class<?>> builderRest = settings.jakartaRest().get(name);
        String param = reg.getInitParameter(InitParams.SERVLET_ALLOWED_METHODS);
        String routesParam = reg.getInitParameter(InitParams.SERVLET_ROUTES);
        boolean byBuilder = fromBuilder != null || builderRoutes != null || builderRest != null;
        List<String> declarations = new ArrayList<>();
        if (byBuilder) {
            declarations.add("by the builder");
        }
        if (param != null) {
            declarations.add("by its init-param " + InitParams.SERVLET_ALLOWED_METHODS + " = " + Methods.quote(param));
        }
        if (routesParam != null) {
            declarations.add("by its init-param " + InitParams.SERVLET_ROUTES);
        }
        if (declarations.size() > 1) {
            throw new ServletException(filterLabel + ": servlet '" + name + "' is declared twice, " + String.join(" and ", declarations)
                    + "; keep one");
        }
        RouteDeclarer routed = (source, table, note, jakarta) -> {
            RoutedServlet r = routed(name, mappings, source, table, note, settings, constraints.headGap(mappings, servletClass),
                    corsCovered, jakarta && JakartaRestServlets.isResteasy(className), routedOut.size());
            routedOut.add(r);
            return r.entry;
        };
        if (fromBuilder != null) {
            return declare.as(Source.BUILDER, fromBuilder, null);
        }
        if (builderRoutes != null) {
            return routed.as(Source.BUILDER, RouteTable.of(builderRoutes, RouteTable.Ranking.SPECIFIC), null, false);
        }
        if (builderRest != null) {
            try {
                return routed.as(Source.BUILDER, RouteTable.of(JakartaRestRoutes.of(builderRest), RouteTable.Ranking.JAKARTA_REST),
                        "Jakarta REST annotations of " + builderRest.size() + " classes", true);
            } catch (IllegalArgumentException ex) {
                throw new ServletException(filterLabel + ": servlet '" + name + "' jakartaRest(...): " + ex.getMessage());
            }
        }
        if (param != null) {
            try {
                return declare.as(Source.INIT_PARAM, Methods.parseList(param), null);
            } catch (IllegalArgumentException ex) {
                throw new ServletException(filterLabel + ": servlet '" + name + "' init-param " + InitParams.SERVLET_ALLOWED_METHODS
                        + " = " + Methods.quote(param) + ": " + ex.getMessage());
            }
        }
        if (routesParam != null) {
            try {
                return routed.as(Source.ROUTES_PARAM, RouteTable.of(RouteLines.parse(routesParam, "init-param"),
                        RouteTable.Ranking.SPECIFIC), null, false);
            } catch (IllegalArgumentException ex) {
                throw new ServletException(filterLabel + ": servlet '" + name + "' init-param " + InitParams.SERVLET_ROUTES + ": "
                        + ex.getMessage());
            }
        }
        if (servletClass != null) {
            AllowedMethods annotation = servletClass.getAnnotation(AllowedMethods.class);
            if (annotation != null) {
                try {
                    return declare.as(Source.ANNOTATION, Methods.validate(Arrays.asList(annotation.value())), null);
                } catch (IllegalArgumentException ex) {
                    throw new ServletException(filterLabel + ": servlet '" + name + "' @AllowedMethods on " + servletClass.getName()
                            + " = " + Arrays.toString(annotation.value()) + ": " + ex.getMessage());
                }
            }
        }
        if (className != null && STATIC_SERVLETS.contains(className)) {
            if (CATALINA_DEFAULT.equals(className) && isWritable(reg.getInitParameter("readonly"))) {
                return declare.as(Source.CONTAINER_DEFAULT, WRITABLE_STATIC_METHODS, "readonly=false");
            }
            return declare.as(Source.CONTAINER_DEFAULT, STATIC_METHODS, null);
        }
        if (className != null && JSP_SERVLETS.contains(className)) {
            return declare.as(Source.CONTAINER_DEFAULT, JSP_METHODS, null);
        }
        if (className != null && FALLBACK_SERVLETS.contains(className)) {
            return declare.as(Source.CONTAINER_FALLBACK, STATIC_METHODS, null);
        }
        if (className != null && JakartaRestServlets.CLASSES.contains(className)) {
            JakartaRestServlets.Found found = JakartaRestServlets.find(name, reg, context);
            if (found.classes() == null) {
                return Capability.undeclared(name, mappings, found.how());
            }
            try {
                return routed.as(Source.JAKARTA_REST, RouteTable.of(JakartaRestRoutes.of(found.classes()), RouteTable.Ranking.JAKARTA_REST),
                        found.how(), true);
            } catch (IllegalArgumentException ex) {
                return Capability.undeclared(name, mappings, "its resources' paths cannot be read: " + ex.getMessage());
            }
        }
        if (className != null && FRAMEWORK_SERVLETS.containsKey(className)) {
            return declare.as(Source.FRAMEWORK, FRAMEWORK_SERVLETS.get(className), null);
        }
        if (servletClass == null) {
            return Capability.undeclared(name, mappings, className == null ? "no servlet class (e.g. a <jsp-file>)" : "class " + className + " could not be loaded");
        }
        Set<String> introspected = introspect(servletClass);
        if (introspected == null) {
            return Capability.undeclared(name, mappings, isHttpServlet(servletClass) ? "overrides service()" : "not an HttpServlet");
        }
        return declare.as(Source.INTROSPECTION, introspected, null);
    }

    /** Tomcat reads {@code readonly} with {@code Boolean.parseBoolean}: anything but "true" (any case) makes it writable. */
    private static boolean isWritable(String readonly) {
        return readonly != null && !Boolean.parseBoolean(readonly);
    }

    private interface Declarer {
        Capability as(Source source, Set<String> raw, String note);
    }

    private static Capability declared(String name, List<String> mappings, Source source, Set<String> raw, String note,
                                       Settings settings, String headGap, boolean corsCovered, List<String> warnings) {
        // A servlet that implements OPTIONS (or was declared with it) answers OPTIONS itself: its Accept-Patch,
        // DAV or other headers are not lost. Container servlets never count: their doOptions only lists doXxx.
        boolean ownsOptions = raw.contains(Methods.OPTIONS) && source != Source.CONTAINER_DEFAULT
                && source != Source.CONTAINER_FALLBACK && source != Source.FRAMEWORK;
        // Every HttpServlet that keeps service() inherits doTrace: introspection answers for TRACE too.
        EffectiveMethods effective = EffectiveMethods.of(raw, settings.allowTrace(), source == Source.INTROSPECTION, headGap != null);
        if (effective.headRefused()) {
            note = (note == null ? "" : note + "; ") + "HEAD refused: " + headGap;
            warnings.add("servlet '" + name + "': " + note + ". Add HEAD to the constraint's methods "
                    + "(<http-method>HEAD</http-method>, @HttpMethodConstraint(\"HEAD\")), or, for a web.xml constraint, "
                    + "declare <deny-uncovered-http-methods/>");
        }
        return Capability.declared(name, mappings, source, effective.allowed(), note, ownsOptions,
                passesPreflight(settings.preflight(), ownsOptions, corsCovered));
    }

    private interface RouteDeclarer {
        Capability as(Source source, RouteTable table, String note, boolean jakartaRest);
    }

    /**
     * A servlet judged route by route. Each route gets what any declared servlet gets (HEAD with GET, OPTIONS,
     * no TRACE unless allowed, HEAD refused behind a constraint gap). A route owns OPTIONS only where the
     * table lists it (a Jakarta REST resource declaring {@code @OPTIONS}); otherwise MethodGuard answers it.
     * RESTEasy's rules where they differ from the others': it matches methods ignoring case ({@code get} is
     * served as GET), and it picks the resource class before the method, so only routes of one class join.
     */
    private static RoutedServlet routed(String name, List<String> mappings, Source source, RouteTable table, String note,
                                        Settings settings, String headGap, boolean corsCovered, boolean resteasy, int routedIndex) {
        return new RoutedServlet(Capability.routedEntry(name, mappings, source, note, routedIndex), table, (servlet, index, template, methods) -> {
            boolean ownsOptions = methods.contains(Methods.OPTIONS);
            SortedSet<String> allowed = EffectiveMethods.of(methods, settings.allowTrace(), false, headGap != null).allowed();
            return Capability.route(servlet, index, template, allowed, ownsOptions,
                    passesPreflight(settings.preflight(), ownsOptions, corsCovered), resteasy);
        }, resteasy);
    }

    private static Capability fallback(String name, List<String> mappings, Set<String> raw, Settings settings, boolean corsCovered) {
        // Static files and JSPs: raw has GET and never TRACE, so this is raw with HEAD and OPTIONS.
        SortedSet<String> allowed = EffectiveMethods.of(raw, settings.allowTrace(), false, false).allowed();
        return Capability.declared(name, mappings, Source.CONTAINER_FALLBACK, allowed, null, false,
                passesPreflight(settings.preflight(), false, corsCovered));
    }

    private static boolean passesPreflight(Preflight rule, boolean ownsOptions, boolean corsCovered) {
        return ownsOptions || rule == Preflight.PASS || (rule == Preflight.AUTO && corsCovered);
    }

    /**
     * The methods an {@code HttpServlet} subclass implements, from the {@code doXxx} methods it overrides
     * below {@code HttpServlet}; {@code null} when it is no {@code HttpServlet} or overrides {@code service},
     * in which case its {@code doXxx} methods say nothing reliable. {@code doPatch} counts only where the
     * container's own {@code HttpServlet} declares it (Servlet 6.1+): on 6.0 nothing would ever call it.
     */
    static Set<String> introspect(Class<?> servletClass) {
        Class<?> httpServlet = httpServletOf(servletClass);
        if (httpServlet == null) {
            return null;
        }
        boolean containerHasPatch = declaresHandler(httpServlet, "doPatch");
        Set<String> methods = new LinkedHashSet<>();
        for (Class<?> k = servletClass; k != httpServlet; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                if (m.getName().equals("service") && (hasParams(m, REQ, RES) || hasParams(m, SREQ, SRES))) {
                    return null;
                }
                String http = DO_METHODS.get(m.getName());
                if (http != null && hasParams(m, REQ, RES) && (!http.equals("PATCH") || containerHasPatch)) {
                    methods.add(http);
                }
            }
        }
        return methods;
    }

    static boolean isHttpServlet(Class<?> c) {
        return httpServletOf(c) != null;
    }

    /** Finds HttpServlet by name in the class's own hierarchy, so class-loader identity does not matter. */
    private static Class<?> httpServletOf(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(HTTP_SERVLET)) {
                return k;
            }
        }
        return null;
    }

    private static boolean declaresHandler(Class<?> c, String name) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && hasParams(m, REQ, RES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasParams(Method m, String first, String second) {
        Class<?>[] p = m.getParameterTypes();
        return p.length == 2 && p[0].getName().equals(first) && p[1].getName().equals(second);
    }

    /** The servlet's class as the application, the current thread or MethodGuard sees it (first that loads it). */
    private static Class<?> load(String className, ServletContext context) {
        List<ClassLoader> loaders = new ArrayList<>(3);
        try {
            loaders.add(context.getClassLoader());
        } catch (RuntimeException ignored) {
            // some containers refuse getClassLoader() to certain callers; the fallbacks below still apply
        }
        loaders.add(Thread.currentThread().getContextClassLoader());
        loaders.add(CapabilityResolver.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            if (loader != null) {
                Optional<Class<?>> c = Classes.load(className, loader);
                if (c.isPresent()) {
                    return c.get();
                }
            }
        }
        return null;
    }

    private static List<String> mappings(ServletRegistration reg) {
        Collection<String> m = reg.getMappings();
        return m == null ? List.of() : new ArrayList<>(new TreeSet<>(m));
    }
}
