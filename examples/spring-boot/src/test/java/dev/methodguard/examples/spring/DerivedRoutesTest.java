package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.methodguard.examples.overlap.OverlapController;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code methodguard.routes=derived}: the table built at startup from Spring's RequestMappingHandlerMapping by
 * {@link SpringMvcRoutes}, on the example's controllers plus {@link OverlapController}, whose {@code /{a}/{b}}
 * POST overlaps {@code /items/{id}}, {@code /reports/{year}}, {@code /files/{path...}} and {@code /x/y/{*rest}}.
 * Spring serves {@code POST /items/42} there; MethodGuard, like Spring, lets a request use the methods of every
 * route matching its path, so nothing Spring serves is rejected, and its 405 lists the methods of all of them.
 */
@ExtendWith(MethodGuardLog.class)
class DerivedRoutesTest {
    private static ConfigurableApplicationContext derived;
    private static int port;
    private static List<String> logged;

    @BeforeAll
    static void start() {
        int before = MethodGuardLog.messages(Level.INFO).size();
        derived = new SpringApplicationBuilder(Application.class, OverlapController.class)
                .profiles("test")
                .properties("methodguard.routes=derived", "server.port=0")
                .run();
        port = Integer.parseInt(derived.getEnvironment().getProperty("local.server.port"));
        List<String> all = MethodGuardLog.messages(Level.INFO);
        logged = List.copyOf(all.subList(before, all.size()));
    }

    @AfterAll
    static void stop() {
        if (derived != null) {
            derived.close();
        }
    }

    @Test
    void theStartupTableShowsTheDerivedRoutes() {
        assertThat(derived.containsBean("methodGuardDerived")).isTrue();
        assertThat(derived.containsBean("methodGuard")).isFalse();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0))
                .containsPattern("/items +GET, HEAD, OPTIONS, POST +builder")
                .containsPattern("/items/\\{id} +DELETE, GET, HEAD, OPTIONS, PUT +builder")
                .containsPattern("/reports/\\{year}/rebuild +OPTIONS, POST +builder")
                .containsPattern("/x/y/\\{rest\\.\\.\\.} +GET, HEAD, OPTIONS +builder")
                .containsPattern("/\\{a}/\\{b} +OPTIONS, POST +builder")
                .containsPattern("/echo +- +builder: passes through");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // served by Spring through the overlapping /{a}/{b} POST: passed
        "POST,   /items/42,       200",
        "POST,   /x/y,            200",
        "POST,   /files/a.txt,    200",
        "POST,   /reports/2024,   200",
        // the rest as before
        "POST,   /items,          201",
        "GET,    /x/y/z,          200",
        "FOO,    /echo,           200",
        "DELETE, /reports/2024/rebuild, 405",
        "FOO,    /x/y,            501",
        "get,    /items/42,       501",
    })
    void answers(String method, String path, int status) throws Exception {
        assertThat(RawHttp.send(port, method, path).status()).as("%s %s", method, path).isEqualTo(status);
    }

    /** Where only one pattern matches, only its methods count: POST /x/y/z is refused, exactly as Spring alone refuses it. */
    @Test
    void onPathsOnlyOnePatternMatchesOnlyItsMethodsCount() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "POST", "/x/y/z");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("X-Content-Type-Options")).as("MethodGuard's 405").isEqualTo("nosniff");
        assertThat(r.allow()).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void theAllowOfAnOverlapIsSpringsOptionsAllow() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "DELETE", "/x/y");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.allow()).containsExactly("GET", "HEAD", "OPTIONS", "POST");
    }
}
