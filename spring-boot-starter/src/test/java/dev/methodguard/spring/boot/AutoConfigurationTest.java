package dev.methodguard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.methodguard.MethodGuardFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** When the auto-configuration applies, and how routes are read; no server needed. */
class AutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            MethodGuardAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void onByDefaultInAServletApplicationWithADispatcherServlet() {
        runner.run(c -> {
            assertThat(c).hasSingleBean(MethodGuardDispatcherFilter.class).hasBean("methodGuardFilterRegistration");
            assertThat(c.getBean("methodGuardFilterRegistration", FilterRegistrationBean.class).getOrder())
                    .isEqualTo(MethodGuardProperties.DEFAULT_ORDER);
        });
    }

    @Test
    void offWithMethodguardEnabledFalse() {
        runner.withPropertyValues("methodguard.enabled=false").run(c -> assertThat(c).doesNotHaveBean(MethodGuardDispatcherFilter.class));
    }

    @Test
    void backsOffWhenTheApplicationRegistersItsOwnMethodGuardFilter() {
        runner.withUserConfiguration(OwnRegistration.class)
                .run(c -> assertThat(c).doesNotHaveBean(MethodGuardDispatcherFilter.class));
        runner.withBean(MethodGuardFilter.class, () -> MethodGuardFilter.builder().build())
                .run(c -> assertThat(c).doesNotHaveBean(MethodGuardDispatcherFilter.class));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @org.springframework.context.annotation.Bean
        FilterRegistrationBean<MethodGuardFilter> myGuard() {
            return new FilterRegistrationBean<>(MethodGuardFilter.builder().build());
        }
    }

    @Test
    void propertiesBindIncludingRoutesWithBracketedTemplates() {
        runner.withPropertyValues("methodguard.mode=report-only", "methodguard.format=problem", "methodguard.known-methods=PATCH,PROPFIND",
                "methodguard.routes[/legacy/{id}]=GET,POST").run(c -> {
            MethodGuardProperties p = c.getBean(MethodGuardProperties.class);
            assertThat(p.getMode()).isEqualTo(dev.methodguard.Mode.REPORT_ONLY);
            assertThat(p.getFormat()).isEqualTo(dev.methodguard.BodyFormat.PROBLEM);
            assertThat(p.getKnownMethods()).containsExactly("PATCH", "PROPFIND");
            assertThat(p.getRoutes()).containsExactly(Map.entry("/legacy/{id}", List.of("GET", "POST")));
        });
    }

    @Test
    void theOrderIsAProperty() {
        runner.withPropertyValues("methodguard.order=-101").run(c ->
                assertThat(c.getBean("methodGuardFilterRegistration", FilterRegistrationBean.class).getOrder()).isEqualTo(-101));
    }

    @Test
    void springPatternsBecomeTemplates() {
        assertThat(DerivedRoutes.template("/owners/{ownerId}/edit")).isEqualTo("/owners/{ownerId}/edit");
        assertThat(DerivedRoutes.template("/files/{*path}")).isEqualTo("/files/{path...}");
        assertThat(DerivedRoutes.template("/webjars/**")).isEqualTo("/webjars/{any...}");
        assertThat(DerivedRoutes.template("/items/{id:\\d+}")).isEqualTo("/items/{id: \\d+}");
        assertThat(DerivedRoutes.template("/docs/*.html")).as("a wildcard inside a segment: cut, passes through")
                .isEqualTo("/docs/" + DerivedRoutes.PASS_THROUGH_TAIL);
        assertThat(DerivedRoutes.template("/a/**/b")).isEqualTo("/a/" + DerivedRoutes.PASS_THROUGH_TAIL);
    }

    @Test
    void functionalRoutesAreReadWithTheirNestedPathsAndMethods() {
        RouterFunction<ServerResponse> f = RouterFunctions.route()
                .GET("/a", r -> ServerResponse.ok().build())
                .nest(RequestPredicates.path("/n"), b -> b.POST("/{id}", r -> ServerResponse.ok().build()))
                .route(RequestPredicates.path("/x").or(RequestPredicates.path("/y")).and(RequestPredicates.method(
                        org.springframework.http.HttpMethod.PUT)), r -> ServerResponse.ok().build())
                .route(RequestPredicates.path("/neg").and(RequestPredicates.method(org.springframework.http.HttpMethod.GET).negate()),
                        r -> ServerResponse.ok().build())
                .build();
        List<FunctionalRoutes.Route> routes = FunctionalRoutes.of(f).routes();
        assertThat(routes).contains(new FunctionalRoutes.Route("/a", Set.of("GET")), new FunctionalRoutes.Route("/n/{id}", Set.of("POST")),
                new FunctionalRoutes.Route("/x", Set.of("PUT")), new FunctionalRoutes.Route("/y", Set.of("PUT")),
                new FunctionalRoutes.Route("/neg", null));
    }

    @Test
    void aMappingWithoutMethodsPassesEveryMethodAndPatternsOfOneShapeMerge() {
        DerivedRoutes.Table t = DerivedRoutes.of(Map.of(), Map.of("/legacy/{id}", List.of("GET", "POST"), "/legacy/{x}/raw", List.of()));
        assertThat(t.routes()).containsEntry("/legacy/{id}", Set.of("GET", "POST")).containsEntry("/legacy/{x}/raw", Set.of());
        assertThat(t.fallbacks()).isEmpty();
    }
}
