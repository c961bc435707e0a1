package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.methodguard.restfixtures.Resources;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A front controller judged route by route: the builder, the init-param, and Jakarta REST servlets found by class name. */
class RoutedServletTest {
    private static Policy resolve(Fakes.Registrations regs, MethodGuardFilter.Builder builder) throws ServletException {
        return CapabilityResolver.resolve(builder.settings(), Fakes.context(regs), "MethodGuardFilter 'g'");
    }

    /** A request to the servlet named {@code servlet} mapped at {@code /api/*}, with {@code pathInfo} below it. */
    private static HttpServletRequest under(String servlet, String pathInfo) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getDispatcherType()).thenReturn(DispatcherType.REQUEST);
        when(req.getServletPath()).thenReturn("/api");
        when(req.getPathInfo()).thenReturn(pathInfo);
        HttpServletMapping mapping = mock(HttpServletMapping.class);
        when(mapping.getServletName()).thenReturn(servlet);
        when(mapping.getMappingMatch()).thenReturn(MappingMatch.PATH);
        when(req.getHttpServletMapping()).thenReturn(mapping);
        return req;
    }

    private static final MethodGuardFilter.Builder ITEMS = MethodGuardFilter.builder().routes("api", r -> r
            .route("/items", "GET", "POST")
            .route("/items/{id}", "GET", "PUT", "DELETE")
            .route("/items/special", "GET")
            .route("/files/{path...}", "GET")
            .route("/dav/{name}", "PROPFIND", "OPTIONS"));

    @Nested
    class FromTheBuilder {
        private final Policy p;

        FromTheBuilder() throws ServletException {
            p = resolve(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), ITEMS);
        }

        @Test
        void eachPathIsJudgedByTheMostSpecificRouteThatMatchesIt() {
            assertEquals("GET, HEAD, OPTIONS, POST", p.target(under("api", "/items")).allowHeader);
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", p.target(under("api", "/items/7")).allowHeader);
            assertEquals("GET, HEAD, OPTIONS", p.target(under("api", "/items/special")).allowHeader, "a literal beats a parameter");
            assertEquals("GET, HEAD, OPTIONS", p.target(under("api", "/files/a/b/c.txt")).allowHeader);
        }

        @Test
        void aPathThatMatchesNoRoutePassesThroughForTheFrameworksOwn404() {
            assertNull(p.target(under("api", "/nope")));
            assertNull(p.target(under("api", "/items/1/extra")));
            assertNull(p.target(under("api", null)), "/api itself: no route for /");
        }

        @Test
        void everyRoutesMethodsAreKnownSoTheyGet405ElsewhereAndTheRestGet501() {
            assertTrue(p.isKnown("PUT") && p.isKnown("DELETE") && p.isKnown("PROPFIND") && p.isKnown("POST"));
            assertFalse(p.isKnown("PATCH"));
        }

        @Test
        void aRouteThatListsOptionsOwnsItAndTheOthersDoNot() {
            assertTrue(p.target(under("api", "/dav/x")).ownsOptions);
            assertFalse(p.target(under("api", "/items/1")).ownsOptions);
        }

        @Test
        void theStartupTableListsTheRoutesUnderTheirServlet() {
            String table = p.describe("/");
            assertTrue(table.matches("(?s).*api\\s+/api/\\*\\s+\\(by route\\)\\s+builder; other paths pass through.*"), table);
            assertTrue(table.matches("(?s).*\\s+/items/\\{id}\\s+DELETE, GET, HEAD, OPTIONS, PUT\\s+builder.*"), table);
            assertTrue(table.matches("(?s).*\\s+/dav/\\{name}\\s+OPTIONS, PROPFIND\\s+builder; OPTIONS by the servlet.*"), table);
        }

        @Test
        void routesShareTheirServletsCountersSoJmxCountsByServlet() {
            assertSame(p.capability("api").counters, p.target(under("api", "/items/1")).counters);
        }
    }

    @Nested
    class FromTheInitParam {
        @Test
        void oneRoutePerLineWithCommentsAndBlankLines() throws ServletException {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("api", TestServlets.Service.class.getName(),
                    InitParams.SERVLET_ROUTES, "# the API\n/items  GET, POST\n\n/items/{id}  GET, DELETE\n", "/api/*");
            Policy p = resolve(regs, MethodGuardFilter.builder());
            assertEquals(Capability.Source.ROUTES_PARAM, p.capability("api").source);
            assertEquals("DELETE, GET, HEAD, OPTIONS", p.target(under("api", "/items/3")).allowHeader);
        }

        @Test
        void aBadLineFailsInitNamingTheServletTheParameterAndTheLine() {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("api", TestServlets.Service.class.getName(),
                    InitParams.SERVLET_ROUTES, "/items GET\n/items/{id GET", "/api/*");
            ServletException e = assertThrows(ServletException.class, () -> resolve(regs, MethodGuardFilter.builder()));
            assertTrue(e.getMessage().startsWith("MethodGuardFilter 'g': servlet 'api' init-param methodguard.routes: "), e.getMessage());
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }

        @Test
        void declaringAServletBothByMethodsAndByRoutesIsAnError() {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("api", TestServlets.Service.class.getName(),
                    InitParams.SERVLET_ROUTES, "/items GET", "/api/*");
            ServletException e = assertThrows(ServletException.class,
                    () -> resolve(regs, MethodGuardFilter.builder().allowedMethods("api", "GET")));
            assertTrue(e.getMessage().contains("servlet 'api' is declared more than once"), e.getMessage());
        }
    }

    @Nested
    class TheBuilder {
        @Test
        void rejectsABadTemplateAtTheCall() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MethodGuardFilter.builder().routes("api", r -> r.route("/items/{id", "GET")));
            assertTrue(e.getMessage().contains("/items/{id"), e.getMessage());
        }

        @Test
        void rejectsTwoRoutesOfTheSameShape() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MethodGuardFilter.builder().routes("api", r -> r.route("/items/{id}", "GET").route("/items/{x}", "PUT")));
            assertTrue(e.getMessage().contains("/items/{id}") && e.getMessage().contains("/items/{x}"), e.getMessage());
        }

        @Test
        void rejectsABadMethodNamingTheRoute() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MethodGuardFilter.builder().routes("api", r -> r.route("/items", "GE T")));
            assertTrue(e.getMessage().startsWith("routes(\"api\"): route /items: 'GE T' is not a valid method"), e.getMessage());
        }

        @Test
        void aServletThatIsNotRegisteredFailsInit() {
            ServletException e = assertThrows(ServletException.class,
                    () -> resolve(Fakes.registrations().add("other", TestServlets.Service.class, "/x/*"), ITEMS));
            assertTrue(e.getMessage().contains("servlet 'api', but no servlet of that name is registered"), e.getMessage());
        }
    }

    @Nested
    class JakartaRest {
        @Test
        void aJerseyServletListingItsResourceClassesIsRoutedByTheirAnnotations() throws ServletException {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("jersey", "org.glassfish.jersey.servlet.ServletContainer",
                    "jersey.config.server.provider.classnames", Resources.Items.class.getName(), "/api/*");
            Policy p = resolve(regs, MethodGuardFilter.builder());
            Capability servlet = p.capability("jersey");
            assertEquals(Capability.Source.JAKARTA_REST, servlet.source);
            assertTrue(p.describe("/").contains("Jakarta REST: 1 classes from jersey.config.server.provider.classnames"), p.describe("/"));
        }

        @Test
        void aJerseyServletWhoseResourcesCannotBeKnownStaysServletLevelWithAWarning() throws ServletException {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("jersey", "org.glassfish.jersey.servlet.ServletContainer",
                    "jersey.config.server.provider.classnames", "com.example.Missing", "/api/*");
            Policy p = resolve(regs, MethodGuardFilter.builder());
            assertFalse(p.capability("jersey").isDeclared());
            assertTrue(p.warnings.get(0).contains("resource class com.example.Missing"), p.warnings.toString());
        }

        @Test
        void theBuilderNamesTheResourceClasses() throws ServletException {
            Policy p = resolve(Fakes.registrations().add("jersey", TestServlets.Service.class, "/api/*"),
                    MethodGuardFilter.builder().jakartaRest("jersey", Resources.Items.class));
            assertTrue(p.capability("jersey").routes != null);
            assertTrue(p.isKnown("GET"));
        }

        @Test
        void theBuilderNeedsAtLeastOneClass() {
            assertThrows(IllegalArgumentException.class, () -> MethodGuardFilter.builder().jakartaRest("jersey"));
        }
    }

    @Test
    void aRoutedRequestIsAllowedWithoutAllocating() throws ServletException {
        Policy p = resolve(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), ITEMS);
        HttpServletRequest req = under("api", "/items/12345");
        Capability warm = p.target(req);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // The Mockito request allocates on every call, so measure the table lookup itself on the strings it returns.
        Capability api = p.capability("api");
        String path = req.getPathInfo();
        for (int i = 0; i < 10_000; i++) {
            api.route(path);
        }
        long before = threads.getThreadAllocatedBytes(id);
        boolean all = true;
        for (int i = 0; i < 100_000; i++) {
            all &= api.route(path).allows("GET");
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(all);
        assertSame(warm, api.route(path));
        assertEquals(0, allocated, "bytes allocated by 100,000 routed lookups");
    }

    @Test
    void theServletsRoutesAreThereAfterInitThroughTheFilter() throws Exception {
        MethodGuardFilter filter = ITEMS.build();
        filter.init(Fakes.config(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), Map.of()));
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", filter.policy().target(under("api", "/items/1")).allowHeader);
    }
}
