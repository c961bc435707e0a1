package dev.methodguard.bench;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import jakarta.servlet.ServletException;
import java.util.LinkedHashMap;
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
}
