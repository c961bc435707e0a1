package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same application twice in one run: with MethodGuard (the cached test context) and without it
 * ({@code methodguard.enabled=false}, started here). One matrix of requests — every method below, upper and
 * lower case, on sample paths of every route and on paths no route matches — goes to both. Asserted:
 * <ul>
 * <li>no false rejection: every request Spring serves with a 2xx without MethodGuard is served identically
 *     with it (status, Content-Type, body; for OPTIONS the Allow set);</li>
 * <li>every 405 of MethodGuard lists exactly the methods that Spring's own OPTIONS answer lists for that path,
 *     and Spring's own 405 {@code Allow} plus the two methods it serves without listing them there (see
 *     {@link #spring405AllowPlusWhatSpringServesAnyway});</li>
 * <li>MethodGuard answers only requests Spring would not have served with a 2xx; where Spring answers 404,
 *     only on paths that no controller maps, which Spring Boot's static resources judge ({@link #STATIC_ONLY});
 *     never on a trailing slash (Spring 7 matches none: the starter leaves those to Spring);</li>
 * <li>uppercase TRACE is answered by Tomcat itself, before any filter, identically in both.</li>
 * </ul>
 * The whole matrix, side by side, is written to {@code target/side-by-side.txt}.
 */
@GuardedAppTest
class SideBySideTest {
    static final List<String> METHODS = methods();
    static final List<String> PATHS = List.of(
            "/items", "/items/", "/items/42", "/items/42/",
            "/reports/2024", "/reports/abc", "/reports/2024/rebuild",
            "/files", "/files/", "/files/a.txt", "/files/docs/2024/a.txt",
            "/echo",
            // no route matches these: MethodGuard leaves them to Spring whatever the method
            "/", "/nothing", "/items/42/parts", "/reports", "/ITEMS", "/error");

    /**
     * Paths no controller maps: Spring Boot's static resources ({@code /**}) serve them, GET and HEAD only, and
     * answer 404 for a missing file. The starter judges them by that fallback: GET and HEAD pass (Spring's 404),
     * OPTIONS goes to the resource handler, other known methods get 405, unknown ones 501.
     */
    static final Set<String> STATIC_ONLY = Set.of("/", "/nothing", "/items/42/parts", "/reports", "/ITEMS");

    private static final Path REPORT = Path.of("target", "side-by-side.txt");

    private static ConfigurableApplicationContext unguarded;
    private static int unguardedPort;

    @LocalServerPort
    int port;

    private static List<String> methods() {
        List<String> upper = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND");
        List<String> all = new ArrayList<>(upper);
        upper.forEach(m -> all.add(m.toLowerCase(Locale.ROOT)));
        return List.copyOf(all);
    }

    @BeforeAll
    static void startUnguarded() {
        unguarded = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties("methodguard.enabled=false", "server.port=0")
                .run();
        unguardedPort = Integer.parseInt(unguarded.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopUnguarded() {
        if (unguarded != null) {
            unguarded.close();
        }
    }

    /** Who answered the request in the guarded application. */
    enum By { SPRING, METHODGUARD, TOMCAT }

    /** One request sent to both applications. */
    record Pair(String method, String path, RawHttp.Response spring, RawHttp.Response guarded, By by) {
        boolean answeredByGuard() {
            return by == By.METHODGUARD;
        }
    }

    @Test
    void noFalseRejectionAndTheSameAllowAsSpring() throws IOException {
        assertThat(unguarded.containsBean("methodGuardFilterRegistration")).as("the unguarded application has no MethodGuard").isFalse();
        List<Pair> pairs = new ArrayList<>();
        for (String path : PATHS) {
            for (String method : METHODS) {
                RawHttp.Response spring = RawHttp.send(unguardedPort, method, path);
                int reached = Downstream.REACHED.get();
                RawHttp.Response guarded = RawHttp.send(port, method, path);
                // Tomcat's connector answers TRACE (case-sensitive) itself, before any filter; see ContractTest.
                By by = Downstream.REACHED.get() != reached ? By.SPRING : method.equals("TRACE") ? By.TOMCAT : By.METHODGUARD;
                pairs.add(new Pair(method, path, spring, guarded, by));
            }
        }
        Map<String, RawHttp.Response> springOptions = new LinkedHashMap<>();
        pairs.stream().filter(p -> p.method().equals("OPTIONS")).forEach(p -> springOptions.put(p.path(), p.spring()));
        writeReport(pairs);

        List<String> problems = new ArrayList<>();
        int served = 0;
        int rejected405 = 0;
        int rejected501 = 0;
        for (Pair p : pairs) {
            String what = p.method() + " " + p.path() + ": without " + p.spring() + " | with " + p.guarded();
            boolean springServed = p.spring().status() / 100 == 2;
            if (springServed) {
                served++;
                if (p.guarded().status() != p.spring().status()
                        || !p.guarded().allow().equals(p.spring().allow())
                        || (!p.method().equals("OPTIONS") && !p.guarded().body().equals(p.spring().body()))
                        || (!p.method().equals("OPTIONS") && !same(p.guarded().header("Content-Type"), p.spring().header("Content-Type")))) {
                    problems.add("served differently: " + what);
                }
            }
            if (p.by() == By.TOMCAT && (p.spring().status() != 405 || p.guarded().status() != 405
                    || !p.spring().allow().equals(p.guarded().allow()))) {
                problems.add("TRACE answered differently by Tomcat: " + what);
            }
            if (p.answeredByGuard() && p.path().length() > 1 && p.path().endsWith("/")) {
                problems.add("MethodGuard answered a trailing slash (Spring 7 matches none: left to Spring): " + what);
            }
            if (p.answeredByGuard() && !springServed && p.spring().status() == 404 && !STATIC_ONLY.contains(p.path())) {
                problems.add("MethodGuard answered a path Spring does not map (only static-resource paths expected): " + what);
            }
            if (p.answeredByGuard() && !p.method().equals("OPTIONS")) {
                if (springServed) {
                    problems.add("false rejection: " + what);
                }
                if (p.guarded().status() == 405) {
                    rejected405++;
                    // MethodGuard ignores a trailing slash (/items/ is judged by /items); Spring 7 does not match
                    // it (404 for every method), so its Allow for that route is the one of the path without it.
                    RawHttp.Response options = springOptions.get(withoutTrailingSlash(p.path()));
                    if (STATIC_ONLY.contains(p.path())) {
                        // No such file: Spring answers 404 to every method; MethodGuard judges by what static resources serve.
                        if (!p.guarded().allow().equals(Set.of("GET", "HEAD", "OPTIONS"))) {
                            problems.add("Allow differs from the static resources' GET, HEAD, OPTIONS: " + what);
                        }
                    } else if (options.status() != 200 || !options.allow().equals(p.guarded().allow())) {
                        problems.add("Allow differs from Spring's OPTIONS Allow " + options.allow() + ": " + what);
                    }
                    if (p.spring().status() == 405
                            && !spring405AllowPlusWhatSpringServesAnyway(p.spring().allow()).equals(p.guarded().allow())) {
                        problems.add("Allow differs from Spring's 405 Allow (+HEAD where GET, +OPTIONS): " + what);
                    }
                } else if (p.guarded().status() == 501) {
                    rejected501++;
                } else {
                    problems.add("MethodGuard answered with neither 405 nor 501: " + what);
                }
            }
        }
        Files.writeString(REPORT, String.format("%d requests to each application: %d served with 2xx by Spring alone,"
                + " %d answered 405 and %d answered 501 by MethodGuard%n", pairs.size(), served, rejected405, rejected501),
                StandardOpenOption.APPEND);
        assertThat(problems).as("differences between Spring with and without MethodGuard").isEmpty();
        // The matrix really exercised both sides.
        assertThat(served).isGreaterThanOrEqualTo(40);
        assertThat(rejected405).isGreaterThanOrEqualTo(20);
        assertThat(rejected501).isGreaterThanOrEqualTo(100);
    }

    /**
     * Spring's 405 lists only the methods of the mappings ({@code GET, POST} on /items); it serves HEAD wherever
     * GET is mapped and answers OPTIONS everywhere, and its own OPTIONS answer lists both. The matrix checks
     * that Spring serves those requests with 200, so MethodGuard's Allow (the OPTIONS set) is the accurate one.
     */
    static Set<String> spring405AllowPlusWhatSpringServesAnyway(Set<String> spring405Allow) {
        Set<String> s = new TreeSet<>(spring405Allow);
        if (s.contains("GET")) {
            s.add("HEAD");
        }
        s.add("OPTIONS");
        return s;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void writeReport(List<Pair> pairs) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-9s %-24s %-40s %-40s %s%n", "method", "path", "without MethodGuard", "with MethodGuard", ""));
        for (Pair p : pairs) {
            String spring = p.spring().status() + (p.spring().allow().isEmpty() ? "" : " Allow " + String.join(",", p.spring().allow()));
            String guarded = p.guarded().status() + (p.guarded().allow().isEmpty() ? "" : " Allow " + String.join(",", p.guarded().allow()))
                    + (p.by() == By.SPRING ? "" : " (" + p.by().name().toLowerCase(Locale.ROOT) + ")");
            boolean same = p.spring().status() == p.guarded().status() && p.spring().allow().equals(p.guarded().allow());
            b.append(String.format("%-9s %-24s %-40s %-40s %s%n", p.method(), p.path(), spring, guarded, same ? "" : "*"));
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, b);
    }
}
