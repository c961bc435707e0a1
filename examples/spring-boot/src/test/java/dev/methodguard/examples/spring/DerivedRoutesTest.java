package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code methodguard.routes=derived}: the table built at startup from Spring's RequestMappingHandlerMapping by
 * {@link SpringMvcRoutes} is the explicit one — the same startup table, the same answers.
 */
@ExtendWith(MethodGuardLog.class)
class DerivedRoutesTest {
    private static ConfigurableApplicationContext derived;
    private static int port;
    private static List<String> logged;

    @BeforeAll
    static void start() {
        int before = MethodGuardLog.messages(Level.INFO).size();
        derived = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties("methodguard.routes=derived", "server.port=0")
                .run();
        port = Integer.parseInt(derived.getEnvironment().getProperty("local.server.port"));
        List<String> all = MethodGuardLog.messages(Level.INFO);
        logged = all.subList(before, all.size());
    }

    @AfterAll
    static void stop() {
        if (derived != null) {
            derived.close();
        }
    }

    @Test
    void theDerivedTableIsTheExplicitOne() {
        assertThat(derived.containsBean("methodGuardDerived")).isTrue();
        assertThat(derived.containsBean("methodGuard")).isFalse();
        assertThat(logged).hasSize(1);
        String table = logged.get(0);
        MethodGuardConfig.ROUTES.forEach((template, methods) -> {
            if (methods.isEmpty()) {
                assertThat(table).doesNotContain(template);
            } else {
                assertThat(table).containsPattern("\\Q" + template + "\\E +"
                        + String.join(", ", StartupLogTest.allowHeader(methods)) + " +builder");
            }
        });
    }

    @Test
    void itAnswersLikeTheExplicitTable() throws Exception {
        assertThat(RawHttp.send(port, "DELETE", "/items").allow()).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(RawHttp.send(port, "GET", "/reports/2024/rebuild").allow()).containsExactly("OPTIONS", "POST");
        assertThat(RawHttp.send(port, "FOO", "/files/a.txt").status()).isEqualTo(501);
        assertThat(RawHttp.send(port, "FOO", "/echo").status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/files/docs/a.txt").status()).isEqualTo(200);
    }
}
