package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.RouteTable.Kind;
import dev.methodguard.RouteTable.Route;
import dev.methodguard.shopfixtures.Shop;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Jakarta REST servlets judged as Jersey and RESTEasy route: on the raw request path, one resource class
 * chosen first, typed sub-resource locators followed. Every expectation names what the framework does
 * (Jersey's PathMatchingRouter, RESTEasy's class-first choice); the side-by-side proof is it/jakarta-rest.
 */
class JakartaRestRoutingTest {
    private static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";
    private static final String RESTEASY = "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher";

    private static Policy policy(String servletClass) throws ServletException {
        Fakes.Registrations regs = Fakes.registrations().withInitParam("rest", servletClass, "unused", "x", "/api/*");
        return CapabilityResolver.resolve(MethodGuardFilter.builder().jakartaRest("rest", Shop.all()).settings(),
                Fakes.context(regs), "MethodGuardFilter 'g'");
    }

    /** A request as a container gives it: the raw URI, and the decoded, normalized pathInfo. */
    private static HttpServletRequest request(String method, String rawPath, String decodedPathInfo) {
        Fakes.Request req = new Fakes.Request("rest", method, "/api" + rawPath);
        req.servletPath = "/api";
        req.pathInfo = decodedPathInfo;
        return req.proxy;
    }

    /** What MethodGuard does: "pass", or "405 <Allow>" / "OPTIONS <Allow>" as the filter would answer. */
    private static String verdict(Policy p, String method, String rawPath, String decoded) {
        HttpServletRequest req = request(method, rawPath, decoded);
        Capability best = p.target(req);
        if (best == null) {
            return "pass";
        }
        if (best.allows(method) && !method.equals("OPTIONS")) {
            return "pass";
        }
        Capability all = p.widen(req, best);
        if (all == null) {
            return "pass";
        }
        if (method.equals("OPTIONS")) {
            return "OPTIONS " + all.allowHeader;
        }
        return all.allows(method) ? "pass" : "405 " + all.allowHeader;
    }

    @Nested
    class RawPaths {
        @Test
        void theContextPathIsTheDeployedOneAndNoRequestIsAskedForIt() throws ServletException {
            Fakes.Registrations regs = Fakes.registrations().withInitParam("rest", JERSEY, "unused", "x", "/api/*");
            Fakes.Context context = new Fakes.Context(regs.byName);
            context.contextPath = "/shop";
            Policy p = CapabilityResolver.resolve(MethodGuardFilter.builder().jakartaRest("rest", Shop.all()).settings(),
                    context.proxy, "MethodGuardFilter 'g'");
            Fakes.Request placed = new Fakes.Request("rest", "GET", "/shop/api/files/a%2Fb");
            placed.servletPath = "/api";
            assertEquals("OPTIONS, PUT", p.target(placed.proxy).allowHeader, "placed after the deployed /shop and /api");
            // Tomcat's Request.getContextPath() works the raw prefix out of the URI, allocating, on every call.
            assertFalse(placed.called.contains("getContextPath"), "the request was asked for its context path");
            Fakes.Request spelledOtherwise = new Fakes.Request("rest", "GET", "/sh%6Fp/api/files/a%2Fb");
            spelledOtherwise.servletPath = "/api";
            assertNull(p.target(spelledOtherwise.proxy), "a context spelled with an escape cannot be placed: it passes through");
        }

        @Test
        void anEncodedSlashIsNoSeparatorSoOneParameterSegmentTakesIt() throws ServletException {
            Policy p = policy(JERSEY);
            // Jersey serves PUT /files/a%2Fb with {name} (one segment); the decoded /files/a/b matches no route of Files.
            assertEquals("pass", verdict(p, "PUT", "/files/a%2Fb", "/files/a/b"));
            assertEquals("405 OPTIONS, PUT", verdict(p, "GET", "/files/a%2Fb", "/files/a/b"));
        }

        @Test
        void anEncodedDigitIsNoDigitForARegex() throws ServletException {
            for (String servlet : List.of(JERSEY, RESTEASY)) {
                Policy p = policy(servlet);
                // {id: \d+} does not match the raw %34%32: the class's other paths, a 404 of the framework.
                assertEquals("pass", verdict(p, "POST", "/catalog/%34%32", "/catalog/42"), servlet);
                assertEquals("pass", verdict(p, "OPTIONS", "/catalog/%34%32", "/catalog/42"), servlet);
                assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "POST", "/catalog/42", "/catalog/42"), servlet);
            }
        }

        @Test
        void aDoubleSlashIsAnEmptySegmentThatOnlyACatchAllMatches() throws ServletException {
            Policy p = policy(JERSEY);
            // The container merges //catalog into /catalog; the framework routes //catalog to the catch-all class.
            assertEquals("pass", verdict(p, "POST", "//catalog", "/catalog"));
            assertEquals("405 OPTIONS, POST", verdict(p, "GET", "//catalog", "/catalog"));
        }

        @Test
        void matrixParametersAreLeftOutAsTheFrameworksLeaveThemOut() throws ServletException {
            Policy p = policy(JERSEY);
            assertEquals("pass", verdict(p, "GET", "/catalog;v=1/42;w=2", "/catalog/42"));
            assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "PUT", "/catalog;v=1/42", "/catalog/42"));
        }

        @Test
        void aPrefixThatCannotBeLinedUpWithTheServletPathPassesThrough() {
            assertEquals(-1, RawPath.start("/c%61/api/x", "/ca", "/api", true), "an escape in the context path");
            assertEquals(-1, RawPath.start("/ca/a%70i/x", "/ca", "/api", true), "an escape in the servlet path");
            assertEquals(-1, RawPath.start("/ca/api;a=b/x", "/ca", "/api", true), "a path parameter on the servlet path");
            assertEquals(-1, RawPath.start("/ca//api/x", "/ca", "/api", true), "a double slash before the servlet path");
            assertEquals(7, RawPath.start("/ca/api/x", "/ca", "/api", true));
            assertEquals(7, RawPath.start("/ca/api", "/ca", "/api", true));
            assertEquals(3, RawPath.start("/ca/x/y", "/ca", "/x/y", false), "a default mapping: the servlet path spelled exactly");
            assertEquals(-1, RawPath.start("/ca/x/%79", "/ca", "/x/y", false));
        }

        @Test
        void matrixParametersAreStrippedSegmentBySegment() {
            assertEquals("/a/b/c", RawPath.stripMatrix("/x/a;p=1/b;q=2;r=3/c", 2));
            assertEquals("/a/", RawPath.stripMatrix("/a;p/", 0));
            assertEquals("/a", RawPath.stripMatrix("/a;p=/b", 0).substring(0, 2));
        }

        @Test
        void aDeclaredTableKeepsTheContainersDecodedPath() throws ServletException {
            Policy p = CapabilityResolver.resolve(MethodGuardFilter.builder().routes("rest", r -> r.route("/items/{id}", "GET"))
                    .settings(), Fakes.context(Fakes.registrations().add("rest", TestServlets.Service.class, "/api/*")), "g");
            assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "PUT", "/items/%34%32", "/items/42"));
        }
    }

    @Nested
    class JerseyChoosesAsItsPathMatchingRouterDoes {
        private final Policy p;

        JerseyChoosesAsItsPathMatchingRouterDoes() throws ServletException {
            p = policy(JERSEY);
        }

        @Test
        void aMethodOfAnotherClassAtTheSameLevelIsServedWhereTheBestClassLacksIt() {
            // /users/me (GET) ranks first; Jersey goes on to /users/{user}, which has DELETE: served.
            assertEquals("pass", verdict(p, "DELETE", "/users/me", "/users/me"));
            assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "PUT", "/users/me", "/users/me"), "the first matching entry's Allow");
            assertEquals("OPTIONS GET, HEAD, OPTIONS", verdict(p, "OPTIONS", "/users/me", "/users/me"));
        }

        @Test
        void aClassWithoutChildrenLeavesItsSubpathsToOtherClasses() {
            assertEquals("pass", verdict(p, "GET", "/users/me/profile", "/users/me/profile"));
        }

        @Test
        void theCatchAllClassLendsNothingToAPathAnotherClassTakes() {
            assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "POST", "/catalog", "/catalog"));
            assertEquals("405 GET, HEAD, OPTIONS", verdict(p, "POST", "/catalog/42", "/catalog/42"));
            assertEquals("pass", verdict(p, "POST", "/elsewhere/x", "/elsewhere/x"), "its own paths");
            assertEquals("405 OPTIONS, POST", verdict(p, "GET", "/elsewhere/x", "/elsewhere/x"));
        }

        @Test
        void aTypedLocatorsSubResourceIsJudgedUnderTheLocatorsPath() {
            assertEquals("pass", verdict(p, "DELETE", "/orders/7", "/orders/7"));
            assertEquals("405 DELETE, GET, HEAD, OPTIONS", verdict(p, "PUT", "/orders/7", "/orders/7"));
            assertEquals("pass", verdict(p, "POST", "/orders/7/lines", "/orders/7/lines"));
            assertEquals("405 OPTIONS, POST", verdict(p, "GET", "/orders/7/lines", "/orders/7/lines"));
            assertEquals("pass", verdict(p, "PUT", "/orders/7/nope", "/orders/7/nope"), "the sub-resource's 404");
        }

        @Test
        void untypedInterfaceTypedAndCyclicLocatorsPassThrough() {
            assertEquals("pass", verdict(p, "PUT", "/orders/7/any", "/orders/7/any"));
            assertEquals("pass", verdict(p, "PUT", "/orders/7/any/x", "/orders/7/any/x"));
            assertEquals("pass", verdict(p, "PUT", "/orders/7/notes", "/orders/7/notes"));
            assertEquals("pass", verdict(p, "PUT", "/orders/7/again", "/orders/7/again"));
        }
    }

    @Nested
    class Derivation {
        private final List<Route> routes = JakartaRestRoutes.of(List.of(Shop.all()));

        private Route route(String template, Kind kind) {
            return routes.stream().filter(r -> r.template().equals(template) && r.kind() == kind).findFirst().orElse(null);
        }

        @Test
        void aTypedLocatorBringsItsSubResourcesMethodsAndAFence() {
            Route order = route("/orders/{id}", Kind.METHODS);
            assertNotNull(order, routes.toString());
            java.util.Set<String> methods = new java.util.TreeSet<>();
            routes.stream().filter(r -> r.template().equals("/orders/{id}") && r.kind() == Kind.METHODS).forEach(r -> methods.addAll(r.methods()));
            assertEquals(java.util.Set.of("DELETE", "GET", "HEAD"), methods);
            assertEquals("/orders", order.scope(), "ranked within the root class that holds the locator");
            assertNotNull(route("/orders/{id}/lines", Kind.METHODS));
            assertNotNull(route("/orders/{id}/{rest...}", Kind.CLASS_FENCE));
        }

        @Test
        void aCycleIsRefusedAndLeftToPassThrough() {
            assertNotNull(route("/orders/{id}/again", Kind.ANY_METHOD));
            assertNull(route("/orders/{id}/again/lines", Kind.METHODS), "never followed into itself");
        }

        @Test
        void objectAndInterfaceLocatorsPassThrough() {
            assertNotNull(route("/orders/{id}/any", Kind.ANY_METHOD));
            assertNotNull(route("/orders/{id}/notes/{rest...}", Kind.ANY_METHOD));
        }

        @Test
        void deepChainsStopAtTheBound() {
            assertTrue(JakartaRestRoutes.MAX_LOCATOR_DEPTH >= 2);
            List<Route> deep = JakartaRestRoutes.of(List.of(Deep.Root.class));
            long judged = deep.stream().filter(r -> r.kind() == Kind.METHODS).count();
            assertEquals(JakartaRestRoutes.MAX_LOCATOR_DEPTH, judged, deep.toString());
        }
    }

    /** A locator chain longer than the bound: each level's GET is judged up to the bound, the rest passes. */
    static final class Deep {
        @jakarta.ws.rs.Path("/d")
        public static class Root {
            @jakarta.ws.rs.GET
            public String get() {
                return "";
            }

            @jakarta.ws.rs.Path("n")
            public L1 next() {
                return null;
            }
        }

        public static class L1 extends Level<L2> {
            @jakarta.ws.rs.Path("n")
            public L2 next() {
                return null;
            }
        }

        public static class L2 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L3 next() {
                return null;
            }
        }

        public static class L3 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L4 next() {
                return null;
            }
        }

        public static class L4 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L5 next() {
                return null;
            }
        }

        public static class L5 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L6 next() {
                return null;
            }
        }

        public static class L6 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L7 next() {
                return null;
            }
        }

        public static class L7 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L8 next() {
                return null;
            }
        }

        public static class L8 extends Level<L1> {
            @jakarta.ws.rs.Path("n")
            public L9 next() {
                return null;
            }
        }

        public static class L9 extends Level<L1> {
        }

        public abstract static class Level<T> {
            @jakarta.ws.rs.GET
            public String get() {
                return "";
            }
        }
    }

    @Test
    void anAllowedRequestOnTheRawPathAllocatesNothing() throws ServletException {
        Policy p = policy(JERSEY);
        RoutedServlet api = p.routed("rest");
        String uri = "/api/orders/7/lines";
        int from = RawPath.start(uri, "", "/api", true);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 200_000; i++) {
            api.route(uri, from, uri.length());
        }
        long allocated = Long.MAX_VALUE;
        boolean all = true;
        for (int round = 0; round < 5 && allocated != 0; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) {
                all &= RawPath.start(uri, "", "/api", true) == from && !RawPath.hasMatrix(uri, from)
                        && api.route(uri, from, uri.length()).allows("POST");
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(all);
        assertEquals(0, allocated, "bytes allocated by 100,000 raw routed lookups");
    }
}
