package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContextEvent;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The listener the jar's web-fragment declares: validation and the startup table at deployment, before any
 * filter is initialized, so lazy servers (WildFly, Open Liberty) and lenient ones (GlassFish, Payara) fail
 * closed and log in time. Against real servers: it/containers.
 */
class MethodGuardStartupTest {
    private static Fakes.Context context() {
        Fakes.Context c = new Fakes.Context(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*").byName);
        c.contextPath = "/shop";
        return c;
    }

    private static void deploy(Fakes.Context c) {
        new MethodGuardStartup().contextInitialized(new ServletContextEvent(c.proxy));
    }

    @Test
    void aBadInitParamFailsTheDeploymentNamingTheFilterTheParameterAndTheValue() {
        Fakes.Context c = context();
        c.filters.put("guard", Fakes.filter("guard", MethodGuardFilter.class.getName(), Map.of("format", "xml"), "/*"));
        IllegalStateException e;
        List<LogRecord> records;
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            e = assertThrows(IllegalStateException.class, () -> deploy(c));
            records = logs.records();
        }
        assertEquals("MethodGuardFilter 'guard': init-param 'format' = 'xml': not a format; accepted: json, problem", e.getMessage());
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("fails closed"), records.get(0).getMessage());
    }

    @Test
    void aGoodConfigurationIsLoggedAtDeploymentAndTheFilterReusesItWithoutLoggingAgain() throws Exception {
        Fakes.Context c = context();
        c.filters.put("guard", Fakes.filter("guard", MethodGuardFilter.class.getName(), Map.of("known-methods", "PATCH"), "/*"));
        List<LogRecord> atDeployment;
        List<LogRecord> atInit;
        MethodGuardFilter filter = new MethodGuardFilter();
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            deploy(c);
            atDeployment = List.copyOf(logs.records());
            Fakes.Config config = new Fakes.Config(c.proxy, Map.of("known-methods", "PATCH"));
            config.filterName = "guard";
            filter.init(config.proxy);
            atInit = logs.records().subList(atDeployment.size(), logs.records().size());
        }
        assertEquals(1, atDeployment.size());
        assertTrue(atDeployment.get(0).getMessage().startsWith("MethodGuard policy for context '/shop'"), atDeployment.get(0).getMessage());
        assertTrue(atInit.isEmpty(), "logged again at init: " + atInit);
        assertTrue(filter.metrics().policy().isKnown("PATCH"));
        assertNull(c.attributes.get("dev.methodguard.prepared.guard"), "the hand-over attribute is taken once");
    }

    @Test
    void aFilterConfiguredOtherwiseThanAtDeploymentResolvesAgain() throws Exception {
        Fakes.Context c = context();
        c.filters.put("guard", Fakes.filter("guard", MethodGuardFilter.class.getName(), Map.of(), "/*"));
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            deploy(c);
            Policy prepared = Resolution.prepared(c.proxy, "guard", MethodGuardFilter.builder().knownMethods("PATCH").settings());
            assertNull(prepared, "other settings: not reused");
        }
    }

    @Test
    void otherFiltersAndSubclassesWithoutAPublicConstructorAreLeftToTheirOwnInit() {
        Fakes.Context c = context();
        c.filters.put("cors", Fakes.filter("cors", "org.apache.catalina.filters.CorsFilter", Map.of(), "/*"));
        c.filters.put("hidden", Fakes.filter("hidden", Hidden.class.getName(), Map.of(), "/*"));
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            deploy(c);
            assertTrue(logs.records().isEmpty(), logs.records().toString());
        }
        assertTrue(c.attributes.isEmpty());
    }

    @Test
    void aSubclassWithBuilderSettingsIsValidatedWithThem() {
        Fakes.Context c = context();
        c.filters.put("guard", Fakes.filter("guard", Guard.class.getName(), Map.of(), "/*"));
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            deploy(c);
            assertEquals(1, logs.records().size());
        }
        assertNotNull(c.attributes.get("dev.methodguard.prepared.guard"));
        Fakes.Context bad = context();
        bad.filters.put("guard", Fakes.filter("guard", BuilderNamesAMissingServlet.class.getName(), Map.of(), "/*"));
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> deploy(bad));
            assertTrue(e.getMessage().contains("servlet 'nope', but no servlet of that name is registered"), e.getMessage());
        }
    }

    @Test
    void theJarDeclaresTheListenerInItsWebFragment() throws Exception {
        try (var in = MethodGuardStartup.class.getResourceAsStream("/META-INF/web-fragment.xml")) {
            assertNotNull(in);
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xml.contains("<listener-class>dev.methodguard.MethodGuardStartup</listener-class>"), xml);
        }
        assertSame(MethodGuardStartup.class, Class.forName("dev.methodguard.MethodGuardStartup"));
    }

    public static class Guard extends MethodGuardFilter {
        public Guard() {
            super(MethodGuardFilter.builder().knownMethods("PATCH"));
        }
    }

    public static class BuilderNamesAMissingServlet extends MethodGuardFilter {
        public BuilderNamesAMissingServlet() {
            super(MethodGuardFilter.builder().allowedMethods("nope", "GET"));
        }
    }

    static class Hidden extends MethodGuardFilter {
    }
}
