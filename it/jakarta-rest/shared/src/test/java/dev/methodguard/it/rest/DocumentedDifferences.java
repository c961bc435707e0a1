package dev.methodguard.it.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The differences between MethodGuard and a framework that remain by design, each explained: the regular
 * assertions skip exactly these (kind, framework, request) and COMPARISON.md names them. Everything this test
 * bed first found as a false rejection (template fallback, cross-class fallback, catch-all regexes matching
 * nothing, encoded paths, RESTEasy's case-insensitive methods, resources' own @OPTIONS) was fixed in the core, and
 * so were its Allow differences (Jersey's choice across classes, raw paths).
 */
final class DocumentedDifferences {
    record Bug(String id, Sweep.Kind kind, Set<Framework> frameworks, Predicate<Sweep.Violation> request, String what) {
    }

    /**
     * None today. Both earlier entries were fixed in the core: "jersey-allow" (MethodGuard listed, and let through,
     * methods of other matching templates and classes where Jersey answers 405; now it follows Jersey's own choice)
     * and "normalized-path" (MethodGuard matched the container's decoded path; now the raw path, as the frameworks).
     */
    static final List<Bug> BUGS = List.of();

    /**
     * Why MethodGuard passes on a method error of the framework at this path (by design: it cannot place the
     * request exactly as the framework would, so it never guesses); {@code null} when no reason is recorded.
     */
    static String whyPassed(Framework framework, String path) {
        return PASSED.get(path);
    }

    private static final Map<String, String> PASSED = Map.of(
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
