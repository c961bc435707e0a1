package dev.methodguard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.methodguard.RawHttp;
import dev.methodguard.spring.boot.testapp.Downstream;
import dev.methodguard.spring.boot.testapp.TestApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application twice, on real embedded Tomcat on 127.0.0.1: with the starter as it comes and with
 * {@code methodguard.enabled=false}. Every mapped path (controllers under two packages, functional routes, a view
 * controller, the welcome page, static resources, a webjar, Actuator, the error controller, a Security-guarded
 * path) plus trailing-slash and unmapped variants, times GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, FOO,
 * get and PROPFIND, goes to both over raw sockets. The matrix is written to {@code target/side-by-side.txt}.
 */
class SideBySideTest {
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND");
    static final List<String> PATHS = List.of(
            "/", "/index.html", "/about", "/css/site.css", "/css/missing.css", "/webjars/jquery/3.7.1/jquery.min.js",
            "/owners", "/owners/new", "/owners/1", "/owners/1/edit", "/owners/1/edit/", "/owners/1/",
            "/api/items", "/api/items/7", "/api/items/7/archive", "/api/items/echo", "/api/items/",
            "/fn/hello", "/fn/submit", "/fn/things/3",
            "/actuator", "/actuator/health", "/actuator/info", "/actuator/loggers", "/actuator/loggers/ROOT", "/actuator/caches",
            "/actuator/caches/owners", "/error", "/admin/reports", "/nothing/here");

    private static ConfigurableApplicationContext with;
    private static ConfigurableApplicationContext without;

    @BeforeAll
    static void start() {
        with = new SpringApplicationBuilder(TestApplication.class).properties("server.port=0").run();
        without = new SpringApplicationBuilder(TestApplication.class).properties("server.port=0", "methodguard.enabled=false").run();
    }

    @AfterAll
    static void stop() {
        if (with != null) {
            with.close();
        }
        if (without != null) {
            without.close();
        }
    }

    static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    record Cell(String method, String path, RawHttp.Response spring, RawHttp.Response guarded, boolean byGuard) {
    }

    @Test
    void theStarterRejectsNothingSpringServesAndAnswersSpringsRefusalsWithItsJson() throws IOException {
        assertThat(with.containsBean("methodGuardFilterRegistration")).isTrue();
        assertThat(without.containsBean("methodGuardFilterRegistration")).isFalse();
        List<Cell> cells = new ArrayList<>();
        for (String path : PATHS) {
            for (String method : METHODS) {
                RawHttp.Response spring = RawHttp.send(port(without), method, path);
                int before = Downstream.REACHED.get();
                RawHttp.Response guarded = RawHttp.send(port(with), method, path);
                boolean reached = Downstream.REACHED.get() != before;
                // Tomcat answers an uppercase TRACE itself, before any filter; Security answers 401 before MethodGuard.
                boolean byGuard = !reached && !method.equals("TRACE")
                        && (guarded.status() == 405 || guarded.status() == 501 || method.equals("OPTIONS"));
                cells.add(new Cell(method, path, spring, guarded, byGuard));
            }
        }
        Map<String, Set<String>> springOptions = new TreeMap<>();
        Set<String> implemented = new TreeSet<>();
        for (Cell c : cells) {
            if (c.method().equals("OPTIONS") && c.spring().status() == 200) {
                springOptions.put(c.path(), allow(c.spring()));
            }
            // A mapping without methods (echo, the error controller) serves every method, FOO included; MethodGuard
            // counts only declared methods as implemented, so those paths do not count here.
            boolean anyMethodPath = c.path().equals("/api/items/echo") || c.path().equals("/error");
            if (!anyMethodPath && (c.spring().status() / 100 == 2 || c.spring().status() / 100 == 3)) {
                implemented.add(c.method());
            }
        }
        report(cells);

        List<String> problems = new ArrayList<>();
        int served = 0;
        int answered405 = 0;
        int answered501 = 0;
        int spring405 = 0;
        Set<String> judgedPaths = new TreeSet<>();
        for (Cell c : cells) {
            String what = c.method() + " " + c.path() + ": without " + c.spring().status() + " " + allow(c.spring())
                    + " | with " + c.guarded().status() + " " + allow(c.guarded()) + (c.byGuard() ? " (MethodGuard)" : "");
            boolean springServed = c.spring().status() / 100 == 2 || c.spring().status() / 100 == 3;
            if (springServed) {
                served++;
                // MethodGuard answers OPTIONS itself: the same status and the same Allow as Spring's own answer.
                boolean options = c.method().equals("OPTIONS");
                if ((c.byGuard() && !options) || c.guarded().status() != c.spring().status()) {
                    problems.add("false rejection: " + what);
                } else if (options && !allow(c.guarded()).equals(allow(c.spring()))) {
                    problems.add("OPTIONS answered with another Allow: " + what);
                }
            }
            if (c.path().length() > 1 && c.path().endsWith("/") && c.byGuard()) {
                problems.add("a trailing slash judged (Spring 7 matches none, so Spring answers it): " + what);
            }
            if (c.byGuard()) {
                judgedPaths.add(c.path());
                int s = c.guarded().status();
                if (s == 405) {
                    answered405++;
                    assertJson(c, problems, what);
                    Set<String> options = springOptions.get(c.path());
                    if (options != null && c.spring().status() == 405 && !options.equals(allow(c.guarded()))) {
                        problems.add("Allow differs from Spring's own OPTIONS Allow " + options + ": " + what);
                    }
                } else if (s == 501) {
                    answered501++;
                    assertJson(c, problems, what);
                    if (implemented.contains(c.method())) {
                        problems.add("501 for a method some handler implements: " + what);
                    }
                } else if (!c.method().equals("OPTIONS")) {
                    problems.add("MethodGuard answered with neither 405 nor 501: " + what);
                }
            }
            if (c.spring().status() == 405 && !c.method().equals("TRACE")) {
                spring405++;
                if (!c.byGuard()) {
                    problems.add("Spring's 405 not answered by MethodGuard: " + what);
                }
            }
        }
        Files.writeString(Path.of("target", "side-by-side.txt"), String.format("%d cells: %d served by Spring alone (all served alike), "
                + "%d answered 405 and %d answered 501 by MethodGuard; all %d of Spring's own 405s answered by MethodGuard%n",
                cells.size(), served, answered405, answered501, spring405), java.nio.file.StandardOpenOption.APPEND);
        assertThat(problems).as("differences between Spring with and without the starter").isEmpty();
        // The difference the README documents: a path only the static resources could serve, with no file there.
        Cell missing = cells.stream().filter(c -> c.method().equals("PUT") && c.path().equals("/css/missing.css")).findFirst().orElseThrow();
        assertThat(missing.spring().status()).isEqualTo(404);
        assertThat(missing.guarded().status()).isEqualTo(405);
        assertThat(served).isGreaterThanOrEqualTo(60);
        assertThat(answered405).isGreaterThanOrEqualTo(40);
        assertThat(answered501).isGreaterThanOrEqualTo(40);
        assertThat(judgedPaths).as("static, webjar, Actuator, functional, view controller paths are judged")
                .contains("/css/site.css", "/webjars/jquery/3.7.1/jquery.min.js", "/actuator/health", "/actuator/caches",
                        "/fn/hello", "/about", "/owners/new");
    }

    private static void assertJson(Cell c, List<String> problems, String what) {
        String type = c.guarded().header("Content-Type");
        if (type == null || !type.startsWith("application/json")
                || (!c.method().equals("HEAD") && !c.guarded().body().contains("\"status\":" + c.guarded().status()))) {
            problems.add("not MethodGuard's JSON: " + what + " " + type + " " + c.guarded().body());
        }
    }

    static Set<String> allow(RawHttp.Response r) {
        String a = r.header("Allow");
        Set<String> s = new TreeSet<>();
        if (a != null) {
            Arrays.stream(a.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(s::add);
        }
        return s;
    }

    private static void report(List<Cell> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-9s %-38s %-34s %-34s%n", "method", "path", "without the starter", "with the starter"));
        for (Cell c : cells) {
            b.append(String.format("%-9s %-38s %-34s %-34s%s%n", c.method(), c.path(),
                    c.spring().status() + " " + allow(c.spring()), c.guarded().status() + " " + allow(c.guarded()),
                    c.byGuard() ? " (MethodGuard)" : ""));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "side-by-side.txt"), b);
    }
}
