package dev.methodguard;

import dev.methodguard.RouteTable.Route;
import dev.methodguard.RouteTable.Step;
import dev.methodguard.RouteTable.Step.Entry;
import jakarta.servlet.ServletContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a route table from Jakarta REST root-resource classes, for a JAX-RS servlet (Jersey, RESTEasy).
 *
 * <p>MethodGuard has no JAX-RS class on its class path, so annotations are recognized by their type names
 * and their {@code value()} is read reflectively. Nothing of the application runs: classes are loaded without
 * initialization and never instantiated; only annotations are read.
 *
 * <p>What becomes a route, per root-resource class (one carrying {@code @Path}):
 * <ul>
 * <li>a resource method (an annotation meta-annotated with {@code @HttpMethod}, so {@code @PROPFIND} counts
 *     like {@code @GET}): its method at the class path joined with its own {@code @Path}, if any; HEAD is
 *     added where GET is, as Jakarta REST answers it itself (OPTIONS only where a resource declares it);</li>
 * <li>a sub-resource locator ({@code @Path} without an HTTP method) whose declared return type is a concrete
 *     resource class: that class's methods under the locator's path, recursively (at most
 *     {@value #MAX_LOCATOR_DEPTH} deep, cycles refused), and the rest of the locator's subtree fenced off;</li>
 * <li>any other locator (returning {@code Object}, an interface, an abstract class): its path and everything
 *     beneath it, pass-through, since the sub-resource is only known at run time;</li>
 * <li>the class path and everything beneath it, pass-through, ranked below every method of the class: Jakarta
 *     REST picks the class first (§3.7.2 step 1), and a path the class matches but none of its methods does
 *     gets its answer (404) from the application, not from another class.</li>
 * </ul>
 * Each route's {@link Route#chain() chain} places it in Jersey's tree of routers, for {@link JerseyRouting}.
 * Interfaces and abstract classes are not root resources. Each route's {@link Route#scope() scope} is the class path, so that {@link RouteTable.Ranking#JAKARTA_REST}
 * ranks classes first, then methods within them. Annotation inheritance follows §3.6: a method without
 * Jakarta REST annotations uses those of the same method on a superclass or an implemented interface.
 */
final class JakartaRestRoutes {
    static final String PATH = "jakarta.ws.rs.Path";
    static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String JAKARTA_REST_PACKAGE = "jakarta.ws.rs.";
    private static final String CLASSES = "/WEB-INF/classes/";

    private JakartaRestRoutes() {
    }

    /** How deep typed sub-resource locators are followed; deeper subtrees pass through. */
    static final int MAX_LOCATOR_DEPTH = 8;

    /** Routes of these root-resource classes (those carrying @Path), relative to the application's servlet mapping. */
    static List<Route> of(Collection<Class<?>> classes) {
        List<Route> methods = new ArrayList<>();
        List<Route> passThrough = new ArrayList<>();
        for (Class<?> c : classes) {
            Annotation classPath = annotation(c.getDeclaredAnnotations(), PATH);
            if (classPath == null || !isResourceClass(c)) {
                continue;
            }
            String base = join(value(classPath), "");
            String key = shape(base);
            // Jersey's tree: the class path (closed: the class's own methods) and the class path with more (open:
            // its sub-resource methods and locators), both chosen among other classes' first.
            List<Step> open = List.of(new Step(Entry.OPEN, key));
            List<Route> classMethods = new ArrayList<>();
            List<Route> classPassThrough = new ArrayList<>();
            try {
                Deque<Class<?>> followed = new ArrayDeque<>();
                followed.push(c);
                addMethods(c, base, base, List.of(new Step(Entry.CLOSED, key)), open, classMethods, classPassThrough, followed);
                methods.addAll(classMethods);
                passThrough.addAll(classPassThrough);
            } catch (LinkageError | TypeNotPresentException e) {
                // A signature or annotation names a class that is missing. Rather than judge the class's paths by
                // the methods that could be read, all of them pass through (the fence below).
            }
            // The class's fence: serves nothing, it only keeps other classes' routes off the class's paths. In
            // Jersey's tree it stands for the class's open entry, which exists only when the class has children
            // ("F": no entry, so Jersey goes on to other classes' entries there).
            boolean children = classMethods.stream().anyMatch(r -> r.chain().size() > 1)
                    || classPassThrough.stream().anyMatch(r -> r.chain().size() > 1);
            passThrough.add(Route.fence(join(base, "{rest...}"), c.getName() + " (other paths under the class)", base)
                    .placed(children ? open : List.of(new Step(Entry.FENCE, key))));
        }
        // Methods first: at equal rank the earlier route wins, and §3.7.2 puts methods ahead of locators.
        List<Route> out = new ArrayList<>(methods);
        out.addAll(passThrough);
        return out;
    }

    /**
     * The routes of resource class {@code c} served at {@code at}: a root resource at its class path, or a
     * sub-resource at its locator's path. {@code closed} and {@code open} place its own methods and its children
     * in Jersey's tree; {@code followed} holds the classes on the way here, to refuse cycles.
     */
    private static void addMethods(Class<?> c, String at, String scope, List<Step> closed, List<Step> open,
                                   List<Route> methods, List<Route> passThrough, Deque<Class<?>> followed) {
        // The public methods, inherited ones included, one per signature (the most specific).
        Method[] candidates = c.getMethods();
        Arrays.sort(candidates, Comparator.comparing(Method::toGenericString)); // a stable route order
        for (Method m : candidates) {
            if (m.isSynthetic() || m.isBridge() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method annotated = annotatedOrigin(c, m);
            if (annotated == null) {
                continue;
            }
            Annotation[] annotations = annotated.getDeclaredAnnotations();
            Annotation path = annotation(annotations, PATH);
            Set<String> httpMethods = httpMethods(annotations);
            String source = c.getName() + "#" + m.getName();
            String template = path == null ? at : join(at, value(path));
            if (!httpMethods.isEmpty()) {
                EffectiveMethods.addHeadWithGet(httpMethods);
                // OPTIONS is not added here: a resource that declares @OPTIONS answers it itself (its headers kept);
                // for the others MethodGuard answers OPTIONS from the same set as its 405s.
                methods.add(new Route(template, httpMethods, source, scope).placed(path == null ? closed : with(open, Entry.CLOSED, shape(template))));
            } else if (path != null) {
                String key = shape(template);
                Class<?> type = m.getReturnType();
                if (followable(type, followed)) {
                    List<Route> subMethods = new ArrayList<>();
                    List<Route> subPassThrough = new ArrayList<>();
                    List<Step> locator = with(open, Entry.OPEN, key);
                    followed.push(type);
                    try {
                        // A sub-resource's own methods answer at the locator's path, its children below it (§3.4.1).
                        addMethods(type, template, scope, with(locator, Entry.CLOSED, key), with(locator, Entry.SUB, key), subMethods,
                                subPassThrough, followed);
                        methods.addAll(subMethods);
                        passThrough.addAll(subPassThrough);
                        passThrough.add(Route.fence(join(template, "{rest...}"), source + " (sub-resource locator, other paths of "
                                + type.getName() + ")", scope).placed(locator));
                        continue;
                    } catch (LinkageError | TypeNotPresentException e) {
                        // The sub-resource cannot be read: its subtree passes through, as an untyped locator's.
                    } finally {
                        followed.pop();
                    }
                }
                List<Step> unknown = with(open, Entry.UNTYPED_LOCATOR, key);
                passThrough.add(new Route(template, null, source + " (sub-resource locator)", scope).placed(unknown));
                passThrough.add(new Route(join(template, "{rest...}"), null, source + " (sub-resource locator)", scope).placed(unknown));
            }
        }
    }

    /**
     * Whether a locator's declared return type names its sub-resource: a concrete class with Jakarta REST
     * methods, not on the way here (a cycle), not too deep. {@code Object}, interfaces, abstract classes and
     * the platform's own types name nothing: the object returned at run time decides, so the subtree passes.
     */
    private static boolean followable(Class<?> type, Deque<Class<?>> followed) {
        if (type.isPrimitive() || type.isArray() || type == Object.class || !isResourceClass(type)
                || followed.contains(type) || followed.size() >= MAX_LOCATOR_DEPTH) {
            return false;
        }
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")) {
            return false;
        }
        try {
            for (Method m : type.getMethods()) {
                if (!m.isSynthetic() && !m.isBridge() && !Modifier.isStatic(m.getModifiers()) && annotatedOrigin(type, m) != null) {
                    return true;
                }
            }
        } catch (LinkageError | TypeNotPresentException e) {
            // a signature names a missing class: the sub-resource cannot be read
        }
        return false;
    }

    private static List<Step> with(List<Step> chain, Entry entry, String shape) {
        List<Step> out = new ArrayList<>(chain);
        out.add(new Step(entry, shape));
        return out;
    }

    /** The template's shape (its segments' kinds and regexes, names aside): one key for paths Jersey merges. */
    private static String shape(String template) {
        try {
            return RouteTemplate.parse(template, true, "").shape;
        } catch (IllegalArgumentException e) {
            return template; // reported with its source when the table is built
        }
    }

    /**
     * Only concrete classes are root resources: an interface or abstract class with {@code @Path} is a
     * client interface (MicroProfile REST Client) or a base, and its paths may not be served at all.
     */
    private static boolean isResourceClass(Class<?> c) {
        return !c.isInterface() && !c.isAnnotation() && !Modifier.isAbstract(c.getModifiers());
    }

    /**
     * The method whose annotations count for {@code m} (§3.6): {@code m} itself if it carries any Jakarta REST
     * annotation, else the first such method of the same signature up the superclasses, then the interfaces;
     * {@code null} when there is none.
     */
    private static Method annotatedOrigin(Class<?> c, Method m) {
        if (hasJakartaRest(m)) {
            return m;
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            Method found = declared(k, m);
            if (found != null && hasJakartaRest(found)) {
                return found;
            }
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                todo.add(i);
            }
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            Method found = declared(i, m);
            if (found != null && hasJakartaRest(found)) {
                return found;
            }
            for (Class<?> super_ : i.getInterfaces()) {
                todo.add(super_);
            }
        }
        return null;
    }

    /**
     * The method of {@code k} that {@code m} overrides or implements: the same signature, or else (a generic
     * interface or superclass, {@code put(T)} implemented as {@code put(String)}) the same name and arity with
     * parameter types that accept {@code m}'s, as their erasure does.
     */
    private static Method declared(Class<?> k, Method m) {
        try {
            return k.getDeclaredMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            Class<?>[] wanted = m.getParameterTypes();
            for (Method d : k.getDeclaredMethods()) {
                if (d.getName().equals(m.getName()) && d.getParameterCount() == wanted.length && !d.isBridge()
                        && !Modifier.isStatic(d.getModifiers()) && accepts(d.getParameterTypes(), wanted)) {
                    return d;
                }
            }
            return null;
        }
    }

    private static boolean accepts(Class<?>[] declared, Class<?>[] actual) {
        for (int i = 0; i < declared.length; i++) {
            if (!declared[i].isAssignableFrom(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasJakartaRest(Method m) {
        for (Annotation a : m.getDeclaredAnnotations()) {
            if (a.annotationType().getName().startsWith(JAKARTA_REST_PACKAGE) || isHttpMethod(a)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP methods of the annotations meta-annotated with @HttpMethod, by the meta-annotation's value. */
    private static Set<String> httpMethods(Annotation[] annotations) {
        Set<String> out = new TreeSet<>();
        for (Annotation a : annotations) {
            Annotation meta = annotation(a.annotationType().getDeclaredAnnotations(), HTTP_METHOD);
            if (meta != null) {
                String method = value(meta);
                if (!Methods.isToken(method)) {
                    throw new IllegalArgumentException("@" + a.annotationType().getName() + " declares the HTTP method "
                            + Methods.quote(method) + ", which is not " + Methods.TOKEN_RULE);
                }
                out.add(method);
            }
        }
        return out;
    }

    private static boolean isHttpMethod(Annotation a) {
        return annotation(a.annotationType().getDeclaredAnnotations(), HTTP_METHOD) != null;
    }

    private static Annotation annotation(Annotation[] annotations, String typeName) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(typeName)) {
                return a;
            }
        }
        return null;
    }

    /** The annotation's {@code value()}, read reflectively (the annotation type is not on our class path). */
    private static String value(Annotation a) {
        try {
            Method value = a.annotationType().getMethod("value");
            if (!value.canAccess(a)) {
                value.trySetAccessible();
            }
            return String.valueOf(value.invoke(a));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot read value() of @" + a.annotationType().getName() + ": " + e, e);
        }
    }

    /** Joins two @Path values as Jakarta REST does: one slash between them, a leading one, none trailing. */
    static String join(String base, String path) {
        String a = strip(base);
        String b = strip(path);
        if (a.isEmpty()) {
            return "/" + b;
        }
        return b.isEmpty() ? "/" + a : "/" + a + "/" + b;
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * Finds classes annotated with @jakarta.ws.rs.Path under WEB-INF/classes of the ServletContext
     * (getResourcePaths, recursive), loading them with Classes.load: never initializing
     * them. With {@code packages} not empty, only classes in those packages (or below) are considered. A
     * class that cannot be loaded (a missing optional dependency, say) is skipped: it cannot be a resource the
     * container serves either.
     */
    static List<Class<?>> scan(ServletContext context, ClassLoader loader, Collection<String> packages) {
        List<String> prefixes = new ArrayList<>();
        if (packages != null) {
            for (String p : packages) {
                String s = p.strip();
                if (!s.isEmpty()) {
                    prefixes.add(s.endsWith(".") ? s : s + ".");
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        Deque<String> dirs = new ArrayDeque<>();
        dirs.add(CLASSES);
        Set<String> seen = new LinkedHashSet<>();
        while (!dirs.isEmpty()) {
            String dir = dirs.poll();
            if (!seen.add(dir)) {
                continue;
            }
            Set<String> entries = context.getResourcePaths(dir);
            if (entries == null) {
                continue;
            }
            for (String entry : new TreeSet<>(entries)) {
                if (entry.endsWith("/")) {
                    dirs.add(entry);
                } else if (entry.endsWith(".class") && entry.startsWith(CLASSES)) {
                    String name = entry.substring(CLASSES.length(), entry.length() - ".class".length()).replace('/', '.');
                    if (name.endsWith("module-info") || name.endsWith("package-info") || !inPackages(name, prefixes)) {
                        continue;
                    }
                    Class<?> c = load(name, loader);
                    if (c != null && isResourceClass(c) && hasPath(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean hasPath(Class<?> c) {
        try {
            return annotation(c.getDeclaredAnnotations(), PATH) != null;
        } catch (RuntimeException | LinkageError e) {
            return false; // unreadable annotations (a missing type in a value): not a resource we can read
        }
    }

    private static boolean inPackages(String className, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return true;
        }
        for (String p : prefixes) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        return Classes.load(name, loader).orElse(null);
    }
}
