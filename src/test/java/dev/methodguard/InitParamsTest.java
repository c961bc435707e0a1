package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Valid init-params and their defaults; every kind of invalid one is in BadConfigurationTest. */
class InitParamsTest {
    static FilterConfig config(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        Fakes.Config c = new Fakes.Config(Fakes.context(Fakes.registrations()), m);
        c.filterName = "guard";
        return c.proxy;
    }

    /** The settings a filter with these init-params reads, as its init() parses them. */
    static Settings parse(FilterConfig config) throws Exception {
        return MethodGuardFilter.Builder.parse(InitParams.filterLabel(config.getFilterName()), InitParams.of(config), null);
    }

    @Nested
    class ValidParamsAreParsed {
        @Test
        void everyParamIsRead() throws Exception {
            Settings s = parse(config("known-methods", "PROPFIND, MKCOL", "format", "problem", "allow-trace", "true", "jmx", "true"));
            assertEquals(Set.of("PROPFIND", "MKCOL"), s.knownMethods());
            assertEquals(BodyFormat.PROBLEM, s.format());
            assertTrue(s.allowTrace());
            assertTrue(s.jmx());
        }

        @Test
        void formatIgnoresCaseAndSurroundingBlanks() throws Exception {
            assertEquals(BodyFormat.JSON, parse(config("format", " JSON ")).format());
            assertFalse(parse(config("allow-trace", " FALSE")).allowTrace());
        }

        @Test
        void noParamsGiveTheDefaults() throws Exception {
            Settings s = parse(config());
            assertEquals(BodyFormat.JSON, s.format());
            assertFalse(s.allowTrace());
            assertEquals(Set.of(), s.knownMethods());
            assertFalse(s.jmx());
        }
    }
}
