package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.restfixtures.Resources;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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
        Fakes.Request req = new Fakes.Request(servlet, "GET", "/api" + (pathInfo == null ? "" : pathInfo));
        req.servletPath = "/api";
        req.pathInfo = pathInfo;
        return req.proxy;
    }

    /** The Allow of a 405 at this path: every route matching it together ("pass" when one takes any method). */
    private static String allowAt(Policy p, String pathInfo) {
        HttpServletRequest req = under("api", pathInfo);
        Capability best = p.target(req);
        Capability all = best == null ? null : p.widen(req, best);
        return best == null ? null : all == null ? "pass" : all.allowHeader;
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
            // ...but /items/special also matches /items/{id}: as in Spring MVC or Go's ServeMux, its methods serve it too.
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", allowAt(p, "/items/special"));
            assertEquals("GET, HEAD, OPTIONS", p.target(under("api", "/files/a/b/c.txt")).allowHeader);
        }

        @Test
        void aRouteThatCanMatchTheSamePathLendsItsMethodsSoOverlapsNeverRefuseWhatTheFrameworkServes() throws ServletException {
            Policy q = resolve(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), MethodGuardFilter.builder()
                    .routes("api", r -> r.route("/items/{id}", "GET").route("/{a}/{b}", "POST").route("/files/{p...}", "GET")));
            assertEquals("GET, HEAD, OPTIONS", q.target(under("api", "/items/42")).allowHeader, "the best route alone");
            assertEquals("GET, HEAD, OPTIONS, POST", allowAt(q, "/items/42"), "with /{a}/{b}, which matches too");
            assertEquals("OPTIONS, POST", allowAt(q, "/other/42"));
            assertEquals("GET, HEAD, OPTIONS, POST", allowAt(q, "/files/x"), "/{a}/{b} matches /files/x");
            assertEquals("GET, HEAD, OPTIONS", allowAt(q, "/files/x/y"), "but not /files/x/y: exactly the routes matching the path");
        }

        @Test
        void aRouteTakingAnyMethodPassesItsPathsAndThoseItOverlapsThrough() throws ServletException {
            Policy q = resolve(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), MethodGuardFilter.builder()
                    .routes("api", r -> r.route("/items/{id}", "GET").anyMethod("/echo/{x}").route("/{a}", "GET")
                            .route("/x/{id}", "GET").route("/x/{id}/{k}", "GET").anyMethod("/{a}/{b}/{c}")));
            assertNull(q.target(under("api", "/echo/1")), "the any-method route is the best: passes through");
            assertEquals("GET, HEAD, OPTIONS", allowAt(q, "/items/1"));
            assertEquals("GET, HEAD, OPTIONS", allowAt(q, "/echo"), "/echo/{x} needs two segments: only /{a} matches");
            assertEquals("GET, HEAD, OPTIONS", q.target(under("api", "/x/1")).allowHeader);
            assertEquals("GET, HEAD, OPTIONS", allowAt(q, "/x/1"), "/{a}/{b}/{c} needs three segments");
            assertEquals("GET, HEAD, OPTIONS", q.target(under("api", "/x/1/2")).allowHeader, "/x/{id}/{k} is the best...");
            assertEquals("pass", allowAt(q, "/x/1/2"), "...but /{a}/{b}/{c} takes any method there: a refused method passes through");
            Fakes.Registrations regs = Fakes.registrations().withInitParam("api", TestServlets.Service.class.getName(),
                    InitParams.SERVLET_ROUTES, "/echo/{x}  *\n/items GET", "/api/*");
            assertNull(resolve(regs, MethodGuardFilter.builder()).target(under("api", "/echo/2")));
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
            assertTrue(e.getMessage().contains("servlet 'api' is declared twice"), e.getMessage());
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
            assertTrue(p.capability("jersey").routed != null);
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
        // The fake request allocates on every call (a proxy), so measure the lookup on the path string it returns.
        RoutedServlet api = p.capability("api").routed;
        String path = req.getPathInfo();
        for (int i = 0; i < 200_000; i++) {
            api.route(path);
        }
        // Best of five rounds: a JIT event can charge a few hundred bytes to this thread once; an allocation per
        // lookup would show as at least 1.6 MB in every round.
        long allocated = Long.MAX_VALUE;
        boolean all = true;
        for (int round = 0; round < 5 && allocated != 0; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) {
                all &= api.route(path).allows("GET");
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(all);
        assertSame(warm, api.route(path));
        assertEquals(0, allocated, "bytes allocated by 100,000 routed lookups");
    }

    @Test
    void theFilterPassesAMethodAnotherMatchingRouteServesAndRejectsWithTheirJointAllow() throws Exception {
        MethodGuardFilter filter = MethodGuardFilter.builder()
                .routes("api", r -> r.route("/items/{id}", "GET").route("/{a}/{b}", "POST")).build();
        filter.init(Fakes.config(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), Map.of()));
        Fakes.Request post = new Fakes.Request("api", "POST", "/api/items/42");
        post.servletPath = "/api";
        post.pathInfo = "/items/42";
        Fakes.Chain chain = new Fakes.Chain();
        Fakes.Response res = new Fakes.Response();
        filter.doFilter(post.proxy, res.proxy, chain);
        assertEquals(1, chain.passed.size(), "POST /items/42 is served by /{a}/{b}: passed on");
        Fakes.Request put = new Fakes.Request("api", "PUT", "/api/items/42");
        put.servletPath = "/api";
        put.pathInfo = "/items/42";
        filter.doFilter(put.proxy, res.proxy, chain);
        assertEquals(1, chain.passed.size());
        assertEquals(501, res.status, "PUT: no route of the application has it");
        Fakes.Request options = new Fakes.Request("api", "OPTIONS", "/api/items/42");
        options.servletPath = "/api";
        options.pathInfo = "/items/42";
        res.reset();
        filter.doFilter(options.proxy, res.proxy, chain);
        assertEquals("GET, HEAD, OPTIONS, POST", res.headers.get("Allow"), "OPTIONS lists what the path serves");
    }

    @Test
    void theServletsRoutesAreThereAfterInitThroughTheFilter() throws Exception {
        MethodGuardFilter filter = ITEMS.build();
        filter.init(Fakes.config(Fakes.registrations().add("api", TestServlets.Service.class, "/api/*"), Map.of()));
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", filter.policy().target(under("api", "/items/1")).allowHeader);
    }
}
