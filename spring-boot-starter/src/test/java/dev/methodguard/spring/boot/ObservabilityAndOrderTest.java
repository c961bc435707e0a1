package dev.methodguard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.methodguard.RawHttp;
import dev.methodguard.spring.boot.testapp.TestApplication;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Micrometer sees MethodGuard's answers (its filter runs after Spring's observation filter), MethodGuard's own
 * counters are published as {@code methodguard.rejections}, and the order against Spring Security is the documented
 * one: Security first by default, MethodGuard first with {@code methodguard.order=-101}.
 */
class ObservabilityAndOrderTest {

    private static ConfigurableApplicationContext start(String... properties) {
        String[] all = new String[properties.length + 1];
        all[0] = "server.port=0";
        System.arraycopy(properties, 0, all, 1, properties.length);
        return new SpringApplicationBuilder(TestApplication.class).properties(all).run();
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    private static double counter(MeterRegistry registry, String status, String mode) {
        FunctionCounter c = registry.find("methodguard.rejections").tag("status", status).tag("mode", mode).functionCounter();
        assertThat(c).as("methodguard.rejections status=%s mode=%s", status, mode).isNotNull();
        return c.count();
    }

    private static long serverRequests(MeterRegistry registry, String status) {
        return registry.find("http.server.requests").tag("status", status).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void httpServerRequestsAndMethodGuardsCountersRecordThe405And501() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            long before405 = serverRequests(registry, "405");
            long before501 = serverRequests(registry, "501");
            RawHttp.Response r405 = RawHttp.send(port(app), "PUT", "/owners/1/edit");
            RawHttp.Response r501 = RawHttp.send(port(app), "FOO", "/owners");
            assertThat(r405.status()).isEqualTo(405);
            assertThat(r405.body()).contains("\"status\":405");
            assertThat(r501.status()).isEqualTo(501);
            // The observation is recorded when the filter chain returns, which may be just after the client has read
            // the answer (a 501 closes the connection): wait for it, a bounded while.
            assertThat(awaitServerRequests(registry, "405", before405 + 1)).as("http.server.requests status=405").isEqualTo(before405 + 1);
            assertThat(awaitServerRequests(registry, "501", before501 + 1)).as("http.server.requests status=501").isEqualTo(before501 + 1);
            assertThat(counter(registry, "405", "enforce")).isEqualTo(1);
            assertThat(counter(registry, "501", "enforce")).isEqualTo(1);
            assertThat(counter(registry, "405", "report-only")).isZero();

            Map<String, FilterRegistrationBean> registrations = app.getBeansOfType(FilterRegistrationBean.class);
            int observation = order(registrations, ServerHttpObservationFilter.class);
            int guard = order(registrations, MethodGuardDispatcherFilter.class);
            assertThat(guard).as("MethodGuard after the observation filter").isGreaterThan(observation);
        }
    }

    private static int order(Map<String, FilterRegistrationBean> registrations, Class<? extends Filter> type) {
        return registrations.values().stream().filter(r -> type.isInstance(r.getFilter())).mapToInt(FilterRegistrationBean::getOrder)
                .findFirst().orElseThrow(() -> new AssertionError("no registration of " + type.getName()));
    }

    private static long awaitServerRequests(MeterRegistry registry, String status, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n = serverRequests(registry, status);
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = serverRequests(registry, status);
        }
        return n;
    }

    @Test
    void reportOnlyCountsWhatItWouldRejectAndRejectsNothing() throws Exception {
        try (ConfigurableApplicationContext app = start("methodguard.mode=report-only")) {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            RawHttp.Response r = RawHttp.send(port(app), "PUT", "/owners/1/edit");
            assertThat(r.status()).as("Spring's own 405").isEqualTo(405);
            assertThat(r.body()).doesNotContain("The method is not allowed for the requested resource.");
            assertThat(counter(registry, "405", "report-only")).isEqualTo(1);
            assertThat(counter(registry, "405", "enforce")).isZero();
        }
    }

    /**
     * The default order (-99) runs Spring Security first: an anonymous DELETE to a protected GET-only route is
     * answered 401 and learns nothing about the route's methods, exactly as without MethodGuard. With
     * {@code methodguard.order=-101} MethodGuard runs first and answers 405 before Security asks who is calling.
     */
    @Test
    void securityAnswersFirstByDefaultAndMethodGuardWhenOrderedBeforeIt() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            RawHttp.Response r = RawHttp.send(port(app), "DELETE", "/admin/reports");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
            String login = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("admin:secret".getBytes());
            RawHttp.Response authenticated = RawHttp.send(port(app), "DELETE", "/admin/reports", login);
            assertThat(authenticated.status()).as("a logged-in DELETE reaches MethodGuard").isEqualTo(405);
            assertThat(authenticated.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(RawHttp.send(port(app), "GET", "/admin/reports", login).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext app = start("methodguard.order=-101")) {
            RawHttp.Response r = RawHttp.send(port(app), "DELETE", "/admin/reports");
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(RawHttp.send(port(app), "GET", "/admin/reports").status()).as("GET still needs a login").isEqualTo(401);
        }
    }
}
