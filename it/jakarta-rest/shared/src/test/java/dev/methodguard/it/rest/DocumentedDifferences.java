package dev.methodguard.it.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The differences between MethodGuard and a framework that remain by design, each explained: the regular
 * assertions skip exactly these (kind, framework, request) and COMPARISON.md names them. Everything this test
 * bed first found as a false rejection (template fallback, cross-class fallback, catch-all regexes matching
 * nothing, encoded paths, RESTEasy's case-insensitive methods, resources' own @OPTIONS) was fixed in the core.
 */
final class DocumentedDifferences {
    record Bug(String id, Sweep.Kind kind, Set<Framework> frameworks, Predicate<Sweep.Violation> request, String what) {
    }

    private static Predicate<Sweep.Violation> path(String... paths) {
        Set<String> set = Set.of(paths);
        return v -> set.contains(v.path());
    }

    private static final Set<Framework> BOTH = Set.of(Framework.JERSEY, Framework.RESTEASY);

    static final List<Bug> BUGS = List.of(
            new Bug("jersey-allow", Sweep.Kind.ALLOW_MISMATCH, Set.of(Framework.JERSEY), path("/codes/1", "/users/me"),
                    "Jersey's own OPTIONS Allow names only the best-ranked template's methods, although Jersey serves the "
                            + "methods of every template and class matching the path: POST /codes/1 is served by {s} (201), "
                            + "DELETE /users/me by users/{user} (204). MethodGuard lets those through and lists them in its "
                            + "Allow (refusing them would be a false rejection), so its Allow is the methods Jersey really "
                            + "serves there, a superset of Jersey's own header"),
            new Bug("normalized-path", Sweep.Kind.ALLOW_MISMATCH, BOTH, path("/items/%31%32", "/items//12", "/codes/%31"),
                    "the frameworks match templates against the request URI as sent, MethodGuard against the container's "
                            + "decoded, normalized pathInfo: /items/%31%32 is /items/12 to MethodGuard (judged by {id: \\d+} and "
                            + "{name} together), /items/{name} alone to the framework; Tomcat merges the empty segment of "
                            + "/items//12. MethodGuard lets through every method of every route matching the decoded path, so "
                            + "this changes only the Allow it lists, never what it lets through"));

    /**
     * Why MethodGuard passes on a method error of the framework at this path (by design: it cannot place the
     * request exactly as the framework would, so it never guesses); {@code null} when no reason is recorded.
     */
    static String whyPassed(Framework framework, String path) {
        return PASSED.get(path);
    }

    private static final java.util.Map<String, String> PASSED = java.util.Map.of(
            "/orders/7/notes", "a sub-resource locator declared to return Object: the sub-resource is only known at run time");

    private DocumentedDifferences() {
    }

    static Bug find(Framework framework, Sweep.Violation v) {
        for (Bug b : BUGS) {
            if (b.kind() == v.kind() && b.frameworks().contains(framework) && b.request().test(v)) {
                return b;
            }
        }
        return null;
    }
}
