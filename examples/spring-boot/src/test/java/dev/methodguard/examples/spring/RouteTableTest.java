package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The explicit route table agrees with Spring MVC's own mappings: the day a controller gains a mapping (or a
 * method) that {@link MethodGuardConfig#ROUTES} lacks, or loses one it still lists, this test fails.
 */
@GuardedAppTest
class RouteTableTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyControllerMappingIsInTheTableWithTheSameMethods() {
        Map<String, Set<String>> fromSpring = SpringMvcRoutes.of(mapping, SpringMvcRoutes::applicationHandler);
        assertThat(new TreeMap<>(MethodGuardConfig.ROUTES))
                .as("MethodGuardConfig.ROUTES against Spring's RequestMappingHandlerMapping")
                .isEqualTo(fromSpring);
    }

    /** The same check without the translation helper, mapping by mapping, as a reader would do it by hand. */
    @Test
    void eachMappingByHand() {
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!SpringMvcRoutes.applicationHandler(e.getValue())) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String pattern : e.getKey().getPatternValues()) {
                String template = pattern.replaceAll("\\{\\*([^}]+)}$", "{$1...}");
                assertThat(MethodGuardConfig.ROUTES).as("a route for %s (%s)", pattern, e.getValue()).containsKey(template);
                assertThat(MethodGuardConfig.ROUTES.get(template)).as("methods of %s", template).containsAll(methods);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    /** Spring Boot's own /error controller is left out of the table: its requests pass through untouched. */
    @Test
    void springsOwnMappingsAreNotRouted() {
        Map<String, Set<String>> framework = SpringMvcRoutes.of(mapping, h -> !SpringMvcRoutes.applicationHandler(h));
        assertThat(framework).containsOnlyKeys("/error");
        assertThat(MethodGuardConfig.ROUTES).doesNotContainKey("/error");
    }
}
