package dev.methodguard.bench;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what every benchmark needs, through MethodGuard's public API only: a context with {@code n}
 * servlet registrations of {@link ItemsServlet} (introspected: GET, HEAD, OPTIONS, POST), and a filter
 * configured by its builder that also knows PUT, DELETE and PATCH (so DELETE gets 405, PROPFIND gets 501).
 */
final class Fixture {
    static final String URI = "/items/1";
    /** Keeps JUL from dropping the configured level along with a collected logger. */
    private static java.util.logging.Logger quiet;

    private Fixture() {
    }

    /** {@code n} registrations named {@code items-0} .. {@code items-(n-1)}, each on its own path. */
    static Map<String, FakeRegistration> registrations(int n) {
        Map<String, FakeRegistration> regs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = "items-" + i;
            regs.put(name, new FakeRegistration(name, ItemsServlet.class.getName(), "/" + name + "/*"));
        }
        return regs;
    }

    /** The servlet the requests go to: one in the middle of the registrations. */
    static String target(int n) {
        return "items-" + (n / 2);
    }

    static MethodGuardFilter filter(BodyFormat format) {
        return MethodGuardFilter.builder().knownMethods("PUT", "DELETE", "PATCH").format(format).build();
    }

    static MethodGuardFilter initialized(int servlets, BodyFormat format) throws ServletException {
        quietLogging();
        MethodGuardFilter f = filter(format);
        f.init(new FakeFilterConfig(new FakeContext(registrations(servlets))));
        return f;
    }

    /**
     * init() logs its startup table at INFO; with 10,000 servlets that is 10,000 console lines per call.
     * The benchmarks measure MethodGuard, not the console, so its logger is set to WARNING.
     */
    static void quietLogging() {
        quiet = java.util.logging.Logger.getLogger("dev.methodguard");
        quiet.setLevel(java.util.logging.Level.WARNING);
    }

    // ---- Routed servlets ------------------------------------------------------------------------------------

    /** The routed front controller's registration name and mapping, and the unrouted servlet beside it. */
    static final String ROUTED = "api";
    static final String ROUTED_PREFIX = "/api";
    static final String UNROUTED = "items";

    /** One generated route: template and methods. */
    record Route(String template, String... methods) {
    }

    /**
     * {@code n} routes in realistic shapes, in groups of one resource {@code r<j>}: the item
     * {@code /r<j>/items/{id}} (GET, PUT) and the collection {@code /r<j>/items} (GET, POST); every 50th group
     * also has a regex route {@code /r<j>/items/{id: [0-9]+}/versions}, a named catch-all
     * {@code /r<j>/files/{path...}} and a {@code *} catch-all {@code /r<j>/static/*} (about 3 % of a large
     * table). One route is the item route of {@code r0}.
     */
    static List<Route> routes(int n) {
        List<Route> out = new ArrayList<>(n + 5);
        for (int j = 0; out.size() < n; j++) {
            out.add(new Route("/r" + j + "/items/{id}", "GET", "PUT"));
            out.add(new Route("/r" + j + "/items", "GET", "POST"));
            if (j % 50 == 0) {
                out.add(new Route("/r" + j + "/items/{id: [0-9]+}/versions", "GET"));
                out.add(new Route("/r" + j + "/files/{path...}", "GET", "PUT", "DELETE"));
                out.add(new Route("/r" + j + "/static/*", "GET"));
            }
        }
        return out.subList(0, n);
    }

    /** The path info the routed requests use: an item of the last resource with an item route, deep in the table. */
    static String deepPath(int n) {
        List<Route> all = routes(n);
        for (int i = all.size() - 1; i >= 0; i--) {
            String t = all.get(i).template();
            if (t.endsWith("/items/{id}")) {
                return t.replace("{id}", "42");
            }
        }
        throw new IllegalStateException("no item route among " + n);
    }

    /** The routed filter: {@link #filter(BodyFormat)}'s settings plus {@code n} routes for {@link #ROUTED}. */
    static MethodGuardFilter routedFilter(int n, BodyFormat format) {
        return routedFilter(routes(n), format);
    }

    static MethodGuardFilter routedFilter(List<Route> table, BodyFormat format) {
        return MethodGuardFilter.builder().knownMethods("PUT", "DELETE", "PATCH").format(format)
                .routes(ROUTED, r -> table.forEach(route -> r.route(route.template(), route.methods()))).build();
    }

    /**
     * Two registrations: the routed {@link FrontController} {@code api} on {@code /api/*} and, side by side,
     * the unrouted {@link ItemsServlet} {@code items} on {@code /items/*}; the filter has {@code n} routes for {@code api}.
     */
    static MethodGuardFilter routedInitialized(int n, BodyFormat format) throws ServletException {
        quietLogging();
        MethodGuardFilter f = routedFilter(n, format);
        f.init(new FakeFilterConfig(new FakeContext(routedRegistrations())));
        return f;
    }

    static Map<String, FakeRegistration> routedRegistrations() {
        Map<String, FakeRegistration> regs = new LinkedHashMap<>();
        regs.put(ROUTED, new FakeRegistration(ROUTED, FrontController.class.getName(), ROUTED_PREFIX + "/*"));
        regs.put(UNROUTED, new FakeRegistration(UNROUTED, ItemsServlet.class.getName(), "/items/*"));
        return regs;
    }

    /** A request to the routed servlet: {@code /api} + {@link #deepPath(int)}. */
    static FakeRequest routedRequest(String method, int n) {
        return FakeRequest.underPath(method, ROUTED_PREFIX, deepPath(n), ROUTED);
    }

    /** A request to the unrouted servlet beside it: {@code /items/1}. */
    static FakeRequest unroutedRequest(String method) {
        return FakeRequest.underPath(method, "/items", "/1", UNROUTED);
    }
}
