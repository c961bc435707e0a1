package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * MethodGuard's startup table reaches the log (captured as JUL records by {@link MethodGuardLog}), and
 * MethodGuard logged nothing at WARNING or above.
 */
@GuardedAppTest
class StartupLogTest {
    @Test
    void theRouteTableIsLoggedAtStartup() {
        List<String> info = MethodGuardLog.messages(Level.INFO);
        assertThat(info).as("MethodGuard's INFO records").isNotEmpty();
        String table = String.join("\n", info);
        assertThat(table).contains("MethodGuard policy for context", "dispatcherServlet", "(by route)",
                "other paths pass through");
        EXPECTED.forEach((template, methods) -> {
            if (methods.isEmpty()) {
                // a mapping without methods takes every method: an anyMethod route, its requests pass through
                assertThat(table).as("the startup table").containsPattern("\\Q" + template + "\\E +- +builder: passes through");
            } else {
                assertThat(table).as("the startup table").containsPattern("\\Q" + template + "\\E +"
                        + String.join(", ", allowHeader(methods)) + " +builder");
            }
        });
        // Spring Boot's static resources: judged only where no controller maps the path.
        assertThat(table).containsPattern("/\\{any\\.\\.\\.\\} +GET, HEAD, OPTIONS +builder \\(fallback\\)");
    }

    /** The routes the starter derives from the controllers (an empty set: a mapping without methods). */
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "/items", Set.of("GET", "POST"),
            "/items/{id}", Set.of("GET", "PUT", "DELETE"),
            "/reports/{year}", Set.of("GET"),
            "/reports/{year}/rebuild", Set.of("POST"),
            "/files/{path...}", Set.of("GET"),
            "/echo", Set.of(),
            "/error", Set.of());

    /** The Allow header MethodGuard derives from a route's methods: HEAD where GET is, OPTIONS always, sorted. */
    static Set<String> allowHeader(Set<String> methods) {
        Set<String> allow = new TreeSet<>(methods);
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return allow;
    }

    @Test
    void methodGuardLoggedNoWarning() {
        assertThat(MethodGuardLog.messages(Level.WARNING)).isEmpty();
    }
}
