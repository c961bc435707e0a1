package dev.methodguard.spring.boot.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The varied application of the starter's tests: controllers in two packages (one under
 * {@code org.springframework.samples}), functional routes, Thymeleaf views, a view controller, static resources
 * and a welcome page, a webjar, Actuator (health, info, loggers, metrics), the error controller, and Spring
 * Security guarding {@code /admin/**}. It holds no MethodGuard code: the starter on the class path is all.
 */
@SpringBootApplication(scanBasePackages = {"dev.methodguard.spring.boot.testapp", "org.springframework.samples.methodguard"})
@EnableCaching
public class TestApplication implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/about").setViewName("about");
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return RouterFunctions.route()
                .GET("/fn/hello", r -> ServerResponse.ok().body("hello"))
                .POST("/fn/submit", r -> ServerResponse.ok().body("submitted"))
                .nest(org.springframework.web.servlet.function.RequestPredicates.path("/fn/things"), b -> b
                        .GET("/{id}", r -> ServerResponse.ok().body("thing " + r.pathVariable("id")))
                        .PUT("/{id}", r -> ServerResponse.ok().body("put " + r.pathVariable("id"))))
                .build();
    }

    @Bean
    CacheManager cacheManager() {
        return new ConcurrentMapCacheManager("owners");
    }

    /** Security guards /admin/** only; CSRF off and every method let through its firewall, so MethodGuard judges them. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").authenticated().anyRequest().permitAll())
                .httpBasic(b -> { })
                .csrf(c -> c.disable());
        return http.build();
    }

    /** One user, so that Spring Boot generates (and logs) no password. */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService users() {
        return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                org.springframework.security.core.userdetails.User.withUsername("admin").password("{noop}secret").roles("ADMIN").build());
    }

    @Bean
    WebSecurityCustomizer anyMethodThroughTheFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return web -> web.httpFirewall(firewall);
    }

    /** A JSON API: Jackson 3 writes its dates as ISO strings. */
    @RestController
    @RequestMapping("/api/items")
    static class ItemsApi {
        record Item(long id, String name, LocalDate added) {
        }

        @GetMapping
        List<Item> list() {
            return List.of(new Item(1, "one", LocalDate.of(2026, 1, 2)));
        }

        @org.springframework.web.bind.annotation.PostMapping
        Item create() {
            return new Item(2, "two", LocalDate.of(2026, 3, 4));
        }

        @GetMapping("/{id}")
        Item get(@PathVariable long id) {
            return new Item(id, "item", LocalDate.of(2026, 5, 6));
        }

        @org.springframework.web.bind.annotation.PutMapping("/{id}")
        Item put(@PathVariable long id) {
            return new Item(id, "put", LocalDate.of(2026, 5, 6));
        }

        @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
        Map<String, Object> delete(@PathVariable long id) {
            return Map.of("deleted", id);
        }

        /** POST only: GET is served by no controller here (a static catch-all adds GET, see the README). */
        @org.springframework.web.bind.annotation.PostMapping("/{id}/archive")
        Map<String, Object> archive(@PathVariable long id) {
            return Map.of("archived", id);
        }

        /** No method: every method, FOO and lowercase get too. */
        @RequestMapping("/echo")
        String echo(jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod();
        }
    }

    @RestController
    static class AdminApi {
        @GetMapping("/admin/reports")
        String reports() {
            return "reports";
        }
    }

}
