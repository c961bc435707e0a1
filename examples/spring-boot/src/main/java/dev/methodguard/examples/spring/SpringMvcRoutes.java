package dev.methodguard.examples.spring;

import dev.methodguard.MethodGuardFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Reads Spring MVC's own request mappings ({@link RequestMappingHandlerMapping#getHandlerMethods()}) as a
 * MethodGuard route table: template → methods. The test {@code RouteTableTest} uses it to prove that the
 * explicit table in {@link MethodGuardConfig} agrees with the controllers; {@code methodguard.routes=derived}
 * uses it to build the table at startup instead.
 *
 * <p>Translation of Spring's path patterns (PathPatternParser syntax) into MethodGuard templates:
 * <ul>
 * <li>literal segments and {@code {name}} stay as they are; {@code {name:regex}} becomes {@code {name: regex}}
 *     (both honour the regex over one segment);</li>
 * <li>a trailing {@code {*name}} becomes {@code {name...}}, a trailing {@code **} becomes {@code *}: both match
 *     zero or more remaining segments, in Spring and in MethodGuard;</li>
 * <li>anything else ({@code *} or {@code ?} inside a segment, a {@code **} that is not last): the template is
 *     cut before that segment and ends in a catch-all that is not judged (every method passes), so MethodGuard
 *     never judges a request by a route that does not really serve it (it passes a few through instead: safe).</li>
 * </ul>
 * Several mappings on one template (different {@code params}, {@code headers}, {@code consumes}...) are merged:
 * the union of their methods, since MethodGuard judges the method only. A mapping without methods accepts every
 * method (Spring hands it {@code FOO} and lowercase {@code get} too), so its route passes everything through:
 * its methods are the empty set, {@link #EVERY_METHOD}, and {@link #addTo} makes it an {@code anyMethod} route.
 */
public final class SpringMvcRoutes {
    /** The methods of a route that passes every method through. */
    public static final Set<String> EVERY_METHOD = Set.of();

    private SpringMvcRoutes() {
    }

    /**
     * The routes of every handler method that {@code include} accepts, in template order, each with its
     * methods sorted ({@link #EVERY_METHOD} for all). Templates that differ only in parameter names are merged.
     */
    public static Map<String, Set<String>> of(RequestMappingHandlerMapping mapping, Predicate<HandlerMethod> include) {
        Map<String, String> templateByShape = new LinkedHashMap<>();
        Map<String, Set<String>> methodsByShape = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!include.test(e.getValue())) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String template = template(pattern);
                String shape = shape(template);
                templateByShape.putIfAbsent(shape, template);
                Set<String> methods = methodsByShape.computeIfAbsent(shape, k -> new TreeSet<>());
                if (methods == EVERY_METHOD) {
                    continue;
                }
                if (declared.isEmpty() || isPassThrough(template)) {
                    methodsByShape.put(shape, EVERY_METHOD);
                } else {
                    declared.forEach(m -> methods.add(m.name()));
                }
            }
        }
        Map<String, Set<String>> routes = new TreeMap<>();
        methodsByShape.forEach((shape, methods) -> routes.put(templateByShape.get(shape),
                methods == EVERY_METHOD ? EVERY_METHOD : Collections.unmodifiableSet(methods)));
        return Collections.unmodifiableMap(routes);
    }

    /**
     * Adds Spring's {@code table} to MethodGuard's builder as it is: a mapping without methods
     * ({@link #EVERY_METHOD}) becomes an {@code anyMethod} route. Overlapping patterns need nothing more:
     * MethodGuard, like Spring, lets a request use the methods of every route matching its path (so
     * {@code POST /items/42} passes where {@code /{a}/{b}} takes POST), and its 405 lists them all.
     */
    public static void addTo(MethodGuardFilter.Routes routes, Map<String, Set<String>> table) {
        table.forEach((template, methods) -> {
            if (methods.isEmpty()) {
                routes.anyMethod(template);
            } else {
                routes.route(template, methods.toArray(String[]::new));
            }
        });
    }

    /** Application handlers only: everything but Spring's own (Spring Boot's {@code /error} controller). */
    public static boolean applicationHandler(HandlerMethod handler) {
        return !handler.getBeanType().getName().startsWith("org.springframework.");
    }

    /** Spring's path pattern as a MethodGuard template; see the class comment. */
    public static String template(String pattern) {
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
                out.add("*");
            } else if (s.startsWith("{") && s.endsWith("}") && s.indexOf('{', 1) < 0 && !s.startsWith("{*")) {
                int colon = s.indexOf(':');
                out.add(colon < 0 ? s : "{" + s.substring(1, colon) + ": " + s.substring(colon + 1));
            } else if (!s.isEmpty() && s.chars().noneMatch(c -> c == '*' || c == '?' || c == '{' || c == '}')) {
                out.add(s);
            } else {
                out.add(PASS_THROUGH_TAIL);
                break;
            }
        }
        return "/" + String.join("/", out);
    }

    /** The catch-all that ends a template cut short; its route passes every method through. */
    static final String PASS_THROUGH_TAIL = "{unjudged...}";

    private static boolean isPassThrough(String template) {
        return template.endsWith("/" + PASS_THROUGH_TAIL);
    }

    /** The template with parameter names blanked: two templates of one shape match the same paths. */
    private static String shape(String template) {
        return template.replaceAll("\\{([^}:.]+)(\\.\\.\\.)?", "{$2").replaceAll("/$", "");
    }
}
