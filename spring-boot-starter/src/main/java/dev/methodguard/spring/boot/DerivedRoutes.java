package dev.methodguard.spring.boot;

import dev.methodguard.MethodGuardFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.support.WebContentGenerator;

/**
 * The DispatcherServlet's route table, read once at startup from every {@link HandlerMapping} bean, the way the
 * DispatcherServlet itself finds them:
 * <ul>
 * <li>annotated controllers and Actuator's web endpoints (every {@link RequestMappingInfoHandlerMapping}, whatever
 *     the package of the controller): each pattern with the methods of its mapping; a mapping without methods
 *     serves every method, so its route passes everything through;</li>
 * <li>URL mappings ({@link AbstractUrlHandlerMapping}: static resources, webjars, view controllers, the welcome
 *     page): each pattern with the methods its handler declares ({@link WebContentGenerator#getSupportedMethods()},
 *     e.g. GET and HEAD for resources); a handler that declares none serves every method;</li>
 * <li>functional routes ({@link RouterFunctionMapping}), read with {@link FunctionalRoutes}.</li>
 * </ul>
 * What cannot be read (a handler mapping of another kind, a handler that says nothing about its methods) becomes a
 * route that passes every method through, named in one startup warning: MethodGuard never judges a request by a
 * table that might not contain the handler that serves it.
 *
 * <p>Spring consults the mappings in order and the first one with a matching pattern decides. MethodGuard lets a
 * request use the methods of every route matching its path (a superset: it never rejects what Spring serves),
 * except static resources consulted after every deciding mapping: they become fallback routes
 * ({@link MethodGuardFilter.Routes#fallback}), which judge only paths that no other route matches, so GET on a
 * POST-only controller path gets MethodGuard's 405 with the controller's Allow, as Spring's own 405 has it.
 * Functional routes do not decide in Spring (a route whose method does not match falls through to the next
 * mapping); they shadow static resources here all the same, which matters only for a static file at the very path
 * of a functional route without GET.
 */
final class DerivedRoutes {
    /** Methods of a route that serves every method. */
    static final Set<String> EVERY_METHOD = Collections.emptySet();
    /** The catch-all that ends a template cut short, or stands for "any path". */
    static final String PASS_THROUGH_TAIL = "{unjudged...}";
    private static final String WELCOME_PAGE_NOT_ACCEPTABLE = "org.springframework.boot.webmvc.autoconfigure.WelcomePageNotAcceptableHandlerMapping";

    /** template → methods ({@link #EVERY_METHOD} for all), and the mappings or handlers that could not be read. */
    record Table(Map<String, Set<String>> routes, Set<String> fallbacks, List<String> unreadable, List<String> mappings) {
        boolean isEmpty() {
            return routes.isEmpty();
        }

        /** Adds the table to MethodGuard's builder: a route serving every method becomes an anyMethod route. */
        void addTo(MethodGuardFilter.Routes r) {
            routes.forEach((template, methods) -> {
                if (methods.isEmpty()) {
                    r.anyMethod(template);
                } else if (fallbacks.contains(template)) {
                    r.fallback(template, methods.toArray(String[]::new));
                } else {
                    r.route(template, methods.toArray(String[]::new));
                }
            });
        }
    }

    private final Map<String, String> templateByShape = new LinkedHashMap<>();
    private final Map<String, Set<String>> methodsByShape = new LinkedHashMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<String> mappings = new ArrayList<>();
    /** Shapes added by a route that is not a fallback: a fallback of the same shape joins them. */
    private final Set<String> decidingShapes = new java.util.HashSet<>();
    /** The highest order of a mapping that decides a path it matches (controllers, URL mappings but resources). */
    private int lastDecidingOrder = Integer.MIN_VALUE;

    private DerivedRoutes() {
    }

    /** The table of these mappings (by bean name, in the DispatcherServlet's order) plus the explicit routes. */
    static Table of(Map<String, HandlerMapping> handlerMappings, Map<String, List<String>> explicit) {
        DerivedRoutes d = new DerivedRoutes();
        handlerMappings.values().forEach(m -> {
            if (m instanceof RequestMappingInfoHandlerMapping
                    || (m instanceof AbstractUrlHandlerMapping um && um.getHandlerMap().values().stream().noneMatch(h -> h instanceof ResourceHttpRequestHandler))) {
                d.lastDecidingOrder = Math.max(d.lastDecidingOrder, ((Ordered) m).getOrder());
            }
        });
        handlerMappings.forEach(d::read);
        explicit.forEach((template, methods) -> d.add(template, methods == null || methods.isEmpty() ? null : Set.copyOf(methods), false));
        Map<String, Set<String>> routes = new TreeMap<>();
        Set<String> fallbacks = new TreeSet<>();
        d.methodsByShape.forEach((shape, methods) -> {
            String template = d.templateByShape.get(shape);
            routes.put(template, methods == EVERY_METHOD ? EVERY_METHOD : Collections.unmodifiableSet(methods));
            if (!d.decidingShapes.contains(shape) && methods != EVERY_METHOD) {
                fallbacks.add(template);
            }
        });
        return new Table(Collections.unmodifiableMap(routes), Collections.unmodifiableSet(fallbacks), List.copyOf(d.unreadable),
                List.copyOf(d.mappings));
    }

    private void read(String beanName, HandlerMapping mapping) {
        mappings.add(beanName + " (" + mapping.getClass().getName() + ")");
        if (mapping instanceof RequestMappingInfoHandlerMapping rm) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : rm.getHandlerMethods().entrySet()) {
                Set<RequestMethod> declared = e.getKey().getMethodsCondition().getMethods();
                Set<String> methods = declared.isEmpty() ? null : new TreeSet<>();
                declared.forEach(m -> methods.add(m.name()));
                for (String pattern : e.getKey().getPatternValues()) {
                    add(pattern, methods, false);
                }
            }
        } else if (mapping instanceof AbstractUrlHandlerMapping um) {
            // Static resources behind every deciding mapping are consulted only where none of them matches the path.
            boolean last = um.getOrder() > lastDecidingOrder;
            um.getHandlerMap().forEach((pattern, handler) -> add(pattern, methodsOf(beanName, pattern, handler, mapping),
                    last && handler instanceof ResourceHttpRequestHandler));
            if (um.getRootHandler() != null) {
                add("/", methodsOf(beanName, "/", um.getRootHandler(), mapping), false);
            }
            if (um.getDefaultHandler() != null) {
                add("/**", methodsOf(beanName, "(default handler)", um.getDefaultHandler(), mapping), false);
            }
        } else if (mapping instanceof RouterFunctionMapping fm) {
            if (fm.getRouterFunction() != null) {
                FunctionalRoutes.Result f = FunctionalRoutes.of(fm.getRouterFunction());
                f.routes().forEach(r -> add(r.pattern(), r.methods(), false));
                if (!f.unreadable().isEmpty()) {
                    unreadable.add("handler mapping '" + beanName + "': " + String.join("; ", f.unreadable()));
                }
            }
        } else {
            unreadable.add("handler mapping '" + beanName + "' (" + mapping.getClass().getName()
                    + ") cannot be read, so every path it might serve passes through unjudged");
            add("/**", null, false);
        }
    }

    /** A URL mapping's handler's methods; {@code null} (every method) where it declares none. */
    private Set<String> methodsOf(String beanName, String pattern, Object handler, HandlerMapping mapping) {
        if (WELCOME_PAGE_NOT_ACCEPTABLE.equals(mapping.getClass().getName())) {
            // Spring Boot's: answers 406 to a GET of the welcome page that does not accept HTML; other methods of "/"
            // get Spring's 405 (Allow: GET, HEAD), as the side-by-side test shows.
            return Set.of("GET", "HEAD");
        }
        if (handler instanceof WebContentGenerator g) {
            String[] supported = g.getSupportedMethods();
            if (supported == null) {
                return null;
            }
            Set<String> methods = new TreeSet<>(Arrays.asList(supported));
            if (handler instanceof ResourceHttpRequestHandler) {
                // The resource handler answers OPTIONS itself: 200 with Allow for a file, 404 for a missing one.
                methods.add("OPTIONS");
            }
            return methods;
        }
        unreadable.add("handler mapping '" + beanName + "': the handler of " + pattern + " (" + handler.getClass().getName()
                + ") does not declare its methods, so its requests pass through unjudged");
        return null;
    }

    /** Adds a Spring pattern; {@code methods == null}: every method. Patterns of one shape are merged. */
    private void add(String pattern, Set<String> methods, boolean fallback) {
        String template = template(pattern);
        String shape = shape(template);
        if (!fallback) {
            decidingShapes.add(shape);
        }
        templateByShape.putIfAbsent(shape, template);
        Set<String> known = methodsByShape.get(shape);
        if (known == EVERY_METHOD) {
            return;
        }
        if (methods == null || template.endsWith("/" + PASS_THROUGH_TAIL)) {
            methodsByShape.put(shape, EVERY_METHOD);
            return;
        }
        if (known == null) {
            known = new TreeSet<>();
            methodsByShape.put(shape, known);
        }
        known.addAll(methods);
    }

    /**
     * Spring's path pattern (PathPatternParser syntax) as a MethodGuard template: literal segments and
     * {@code {name}} stay; {@code {name:regex}} becomes {@code {name: regex}}; a last {@code {*name}} or {@code **}
     * becomes a catch-all; anything else ({@code *} or {@code ?} inside a segment, a {@code **} not last) cuts the
     * template there into a catch-all that passes every method through (a few requests pass unjudged: safe).
     */
    static String template(String pattern) {
        if (pattern.isEmpty() || pattern.equals("/")) {
            return "/";
        }
        String[] segments = pattern.substring(pattern.startsWith("/") ? 1 : 0).split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (last && s.startsWith("{*") && s.endsWith("}")) {
                out.add("{" + s.substring(2, s.length() - 1) + "...}");
            } else if (last && s.equals("**")) {
                out.add("{any...}");
            } else if (s.startsWith("{") && s.endsWith("}") && s.indexOf('{', 1) < 0 && !s.startsWith("{*")) {
                int colon = s.indexOf(':');
                out.add(colon < 0 ? s : "{" + s.substring(1, colon) + ": " + s.substring(colon + 1));
            } else if (!s.isEmpty() && s.chars().noneMatch(c -> c == '*' || c == '?' || c == '{' || c == '}' || c == '\\')) {
                out.add(s);
            } else {
                out.add(PASS_THROUGH_TAIL);
                break;
            }
        }
        return "/" + String.join("/", out);
    }

    /** The template with parameter names blanked: two templates of one shape match the same paths. */
    private static String shape(String template) {
        return template.replaceAll("\\{([^}:.]+)(\\.\\.\\.)?", "{$2").replaceAll("/$", "");
    }
}
