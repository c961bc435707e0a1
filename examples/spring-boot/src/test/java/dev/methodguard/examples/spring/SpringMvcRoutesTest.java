package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.methodguard.MethodGuardFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spring path patterns as MethodGuard templates, and the overlap check of pass-through mappings (no Spring context). */
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

    /** A methodless mapping that a judged route would shadow cannot be expressed: refused at startup. */
    @Test
    void aShadowedPassThroughIsRefused() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put("/items/{id}", Set.of("GET"));
        table.put("/items/special", SpringMvcRoutes.EVERY_METHOD);
        assertThatThrownBy(() -> MethodGuardFilter.builder().routes("dispatcherServlet", r -> SpringMvcRoutes.addTo(r, table)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/items/{id}")
                .hasMessageContaining("/items/special");
    }
}
