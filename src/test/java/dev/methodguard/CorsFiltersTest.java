package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which CORS filters MethodGuard trusts to answer preflights, and where (docs/reference.md: the preflight row). */
class CorsFiltersTest {
    private static Fakes.Context context(String filterClass, Map<String, String> params, String... patterns) {
        Fakes.Context c = new Fakes.Context(Fakes.registrations()
                .add("api", TestServlets.GetPost.class, "/api/*")
                .add("admin", TestServlets.GetPost.class, "/admin/*").byName);
        c.filters.put("cors", Fakes.filter("cors", filterClass, params, patterns));
        return c;
    }

    private static Policy resolve(Fakes.Context c, MethodGuardFilter.Builder builder) throws ServletException {
        return CapabilityResolver.resolve(builder.settings(), c.proxy, "MethodGuardFilter 'g'");
    }

    @Test
    void tomcatsSpringsAndTheTransactionCompanysFiltersCoverWhatTheyAreMappedTo() {
        for (String cls : List.of("org.apache.catalina.filters.CorsFilter", "org.springframework.web.filter.CorsFilter",
                "com.thetransactioncompany.cors.CORSFilter")) {
            CorsFilters cors = CorsFilters.read(context(cls, Map.of(), "/api/*").proxy);
            assertTrue(cors.covers("api", List.of("/api/*")), cls);
            assertFalse(cors.covers("admin", List.of("/admin/*")), cls + ": not mapped there");
            assertFalse(cors.coversEverything(), cls);
        }
    }

    @Test
    void jettysCrossOriginFilterCountsOnlyWithChainPreflightFalseSinceByDefaultItHandsPreflightsToTheServlet() {
        for (String ee : List.of("ee10", "ee11")) {
            String cls = "org.eclipse.jetty." + ee + ".servlets.CrossOriginFilter";
            assertFalse(CorsFilters.read(context(cls, Map.of(), "/*").proxy).coversEverything(), ee + " default");
            assertFalse(CorsFilters.read(context(cls, Map.of("chainPreflight", "true"), "/*").proxy).coversEverything(), ee);
            assertTrue(CorsFilters.read(context(cls, Map.of("chainPreflight", " FALSE "), "/*").proxy).coversEverything(), ee);
        }
    }

    @Test
    void anUnknownFilterClassCoversNothing() {
        assertFalse(CorsFilters.read(context("com.example.MyCors", Map.of(), "/*").proxy).coversEverything());
    }

    @Test
    void thePreflightRuleDecidesPerTarget() throws ServletException {
        Fakes.Context c = context("org.apache.catalina.filters.CorsFilter", Map.of(), "/api/*");
        Policy auto = resolve(c, MethodGuardFilter.builder());
        assertTrue(auto.capability("api").passesPreflight, "auto: a recognized CORS filter covers /api/*");
        assertFalse(auto.capability("admin").passesPreflight, "auto: nothing covers /admin/*");
        assertFalse(auto.unregisteredStatic.passesPreflight, "auto: the filter is not mapped to /*");
        Policy pass = resolve(c, MethodGuardFilter.builder().preflight(Preflight.PASS));
        assertTrue(pass.capability("admin").passesPreflight && pass.unregisteredStatic.passesPreflight, "pass: everywhere");
        Policy answer = resolve(c, MethodGuardFilter.builder().preflight(Preflight.ANSWER));
        assertFalse(answer.capability("api").passesPreflight, "answer: even where a CORS filter covers it");
    }
}
