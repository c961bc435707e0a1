package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spring path patterns as MethodGuard templates (no Spring context). */
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
}
