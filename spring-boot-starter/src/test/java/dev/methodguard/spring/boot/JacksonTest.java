package dev.methodguard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.methodguard.ErrorBodyFactory;
import dev.methodguard.RawHttp;
import dev.methodguard.spring.boot.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson: Spring Boot 4 writes the application's JSON with Jackson 3; the core's Jackson 2 on the class path changes
 * nothing there, and an {@link ErrorBodyFactory} bean's bodies are written by the application's own mapper, with its
 * {@code spring.jackson.*} settings.
 */
class JacksonTest {
    /** The application's own error shape; its field names show which mapper wrote it. */
    record ApiError(int httpStatus, String requestMethod, java.util.List<String> allowedMethods) {
    }

    @Configuration(proxyBeanMethods = false)
    static class ErrorShape {
        @Bean
        ErrorBodyFactory apiErrors() {
            return r -> new ApiError(r.status(), r.method(), r.allowed());
        }
    }

    @Test
    void theApplicationsJsonIsJackson3sWithOrWithoutTheStarter() throws Exception {
        String with;
        String without;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
                .properties("server.port=0").run()) {
            with = RawHttp.send(port(app), "GET", "/api/items/7").body();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
                .properties("server.port=0", "methodguard.enabled=false").run()) {
            without = RawHttp.send(port(app), "GET", "/api/items/7").body();
        }
        // Jackson 3 writes a LocalDate as an ISO string by default (Jackson 2 without its JSR-310 module would fail).
        assertThat(with).isEqualTo("{\"id\":7,\"name\":\"item\",\"added\":\"2026-05-06\"}").isEqualTo(without);
    }

    @Test
    void anErrorBodyBeanIsWrittenByTheApplicationsMapper() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class, ErrorShape.class)
                .properties("server.port=0", "spring.jackson.property-naming-strategy=SNAKE_CASE").run()) {
            RawHttp.Response r = RawHttp.send(port(app), "PUT", "/owners/1/edit");
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.body()).isEqualTo("{\"http_status\":405,\"request_method\":\"PUT\",\"allowed_methods\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}");
            // the application's own JSON follows the same setting
            assertThat(RawHttp.send(port(app), "GET", "/api/items/7").body()).contains("\"added\":\"2026-05-06\"");
        }
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

}
