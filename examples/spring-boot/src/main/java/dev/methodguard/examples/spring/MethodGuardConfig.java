package dev.methodguard.examples.spring;

import dev.methodguard.MethodGuardFilter;
import jakarta.servlet.DispatcherType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers MethodGuard in front of Spring MVC's {@code DispatcherServlet}, with one route per controller
 * mapping, so that 405, {@code Allow} and OPTIONS are per endpoint rather than for the whole servlet.
 *
 * <p>{@code methodguard.enabled=false} leaves the filter out (the tests run the same application that way,
 * side by side); {@code methodguard.routes=derived} builds the table from Spring's own mappings at startup
 * ({@link SpringMvcRoutes}) instead of the explicit {@link #ROUTES}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "methodguard.enabled", havingValue = "true", matchIfMissing = true)
public class MethodGuardConfig {
    /** Spring Boot's name for the DispatcherServlet registration. */
    public static final String DISPATCHER_SERVLET = "dispatcherServlet";

    /**
     * The explicit route table of {@code dispatcherServlet}, relative to its mapping {@code /} (so to the
     * context). Keep it in step with the controllers: {@code RouteTableTest} fails when they differ.
     * {@link SpringMvcRoutes#EVERY_METHOD} marks a mapping without methods, which accepts every method: it
     * becomes an {@code anyMethod} route, so its requests (and those of routes that can match its paths) pass through.
     */
    public static final Map<String, Set<String>> ROUTES = routes();

    private static Map<String, Set<String>> routes() {
        Map<String, Set<String>> r = new LinkedHashMap<>();
        r.put("/items", Set.of("GET", "POST"));
        r.put("/items/{id}", Set.of("GET", "PUT", "DELETE"));
        r.put("/reports/{year}", Set.of("GET"));
        r.put("/reports/{year}/rebuild", Set.of("POST"));
        r.put("/files/{path...}", Set.of("GET"));
        r.put("/echo", SpringMvcRoutes.EVERY_METHOD);
        return Collections.unmodifiableMap(r);
    }

    @Bean
    @ConditionalOnProperty(name = "methodguard.routes", havingValue = "explicit", matchIfMissing = true)
    FilterRegistrationBean<MethodGuardFilter> methodGuard() {
        return registration(filter(ROUTES));
    }

    @Bean
    @ConditionalOnProperty(name = "methodguard.routes", havingValue = "derived")
    FilterRegistrationBean<MethodGuardFilter> methodGuardDerived(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        Map<String, Set<String>> table = SpringMvcRoutes.of(mapping, SpringMvcRoutes::applicationHandler);
        return registration(MethodGuardFilter.builder()
                .routes(DISPATCHER_SERVLET, r -> SpringMvcRoutes.addTo(r, table))
                .build());
    }

    /**
     * The explicit table, route by route. Where routes can match the same path, MethodGuard lets a request use
     * the methods of all of them, as Spring does (any mapping whose pattern and method match serves it).
     */
    static MethodGuardFilter filter(Map<String, Set<String>> table) {
        return MethodGuardFilter.builder()
                .routes(DISPATCHER_SERVLET, r -> table.forEach((template, methods) -> {
                    if (methods.isEmpty()) { // a mapping without methods takes every method: pass it through
                        r.anyMethod(template);
                    } else {
                        r.route(template, methods.stream().sorted().toArray(String[]::new));
                    }
                }))
                .build();
    }

    private static FilterRegistrationBean<MethodGuardFilter> registration(MethodGuardFilter filter) {
        FilterRegistrationBean<MethodGuardFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("methodGuard");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
