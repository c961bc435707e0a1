package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spring path patterns as MethodGuard templates, and routes for overlapping patterns (no Spring context). */
class SpringMvcRoutesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                     | /",
        "/                      | /",
        "/items                 | /items",
        "/items/{id}            | /items/{id}",
        "/items/{id:\\d+}       | /items/{id: \\d+}",
        "/files/{*path}         | /files/{path...}",
        "/static/**             | /static/*",
        "/a/{x}/c               | /a/{x}/c",
        // wildcards inside a segment, mixed segments and a ** that is not last: cut into a pass-through tail
        "/docs/*.pdf            | /docs/{unjudged...}",
        "/docs/v?/index         | /docs/{unjudged...}",
        "/docs/{name}.json      | /docs/{unjudged...}",
        "/**/x                  | /{unjudged...}",
        "/a/*/b                 | /a/{unjudged...}",
    })
    void templates(String pattern, String template) {
        assertThat(SpringMvcRoutes.template(pattern)).isEqualTo(template);
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "/echo,             /items,              false",
        "/echo,             /{name},             true",
        "/items/special,    /items/{id},         true",
        "/items/special,    /items/{id}/parts,   false",
        "/files/{x...},     /files,              true",
        "/files,            /files/{path...},    true",
        "/files/a/b,        /files/*,            true",
        "/a/{x...},         /b/{y...},           false",
        "/,                 /{rest...},          true",
        "/,                 /items,              false",
    })
    void overlaps(String a, String b, boolean overlap) {
        assertThat(SpringMvcRoutes.mayMatchTheSamePath(a, b)).isEqualTo(overlap);
        assertThat(SpringMvcRoutes.mayMatchTheSamePath(b, a)).isEqualTo(overlap);
    }

    /** Spring serves POST /items/42 with /{a}/{b}: each overlapping route gets the other's methods. */
    @Test
    void overlappingRoutesGetTheUnionOfTheirMethods() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put("/items", Set.of("GET", "POST"));
        table.put("/items/{id}", Set.of("GET", "PUT", "DELETE"));
        table.put("/x/y/{rest...}", Set.of("GET"));
        table.put("/{a}/{b}", Set.of("POST"));
        assertThat(SpringMvcRoutes.effective(table)).isEqualTo(Map.of(
                "/items", Set.of("GET", "POST"),
                "/items/{id}", Set.of("DELETE", "GET", "POST", "PUT"),
                "/x/y/{rest...}", Set.of("GET", "POST"),
                "/{a}/{b}", Set.of("DELETE", "GET", "POST", "PUT")));
    }

    /** A route that shares paths with a mapping without methods is left out: those requests pass through. */
    @Test
    void aRouteThatMayShadowAMethodlessMappingIsLeftOut() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put("/items/{id}", Set.of("GET"));
        table.put("/items/special", SpringMvcRoutes.EVERY_METHOD);
        table.put("/reports/{year}", Set.of("GET"));
        assertThat(SpringMvcRoutes.effective(table)).isEqualTo(Map.of("/reports/{year}", Set.of("GET")));
    }

    /** The example's own table has no overlapping routes: MethodGuard's rule and Spring's agree on it as it is. */
    @Test
    void theExplicitTableNeedsNoUnion() {
        Map<String, Set<String>> judged = new TreeMap<>(MethodGuardConfig.ROUTES);
        judged.values().removeIf(Set::isEmpty);
        assertThat(SpringMvcRoutes.effective(MethodGuardConfig.ROUTES)).isEqualTo(judged);
    }
}
