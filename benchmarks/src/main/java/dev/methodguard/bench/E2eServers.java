package dev.methodguard.bench;

import dev.methodguard.MethodGuardFilter;

/** What both end-to-end servers share: argument parsing and the filter under test. */
final class E2eServers {
    private E2eServers() {
    }

    /**
     * {@code <port> <filter|plain|handwritten>}: the port on 127.0.0.1, and what answers DELETE and
     * PROPFIND: MethodGuard, the container (HttpServlet's sendError), or {@link HandWrittenServlet}.
     */
    static String mode(String[] args, String usage) {
        if (args.length != 2 || !(args[1].equals("filter") || args[1].equals("plain") || args[1].equals("handwritten"))) {
            System.err.println("usage: " + usage + " <port> <filter|plain|handwritten>");
            System.exit(2);
        }
        return args[1];
    }

    static jakarta.servlet.http.HttpServlet servlet(String mode) {
        return mode.equals("handwritten") ? new HandWrittenServlet() : new ItemsServlet();
    }

    /**
     * The filter as the benchmarks configure it: JSON bodies, and PUT/DELETE/PATCH known, so DELETE on
     * the GET/POST servlet gets 405 (like the container's own answer) and PROPFIND gets 501.
     */
    static MethodGuardFilter filter() {
        return Fixture.filter(dev.methodguard.BodyFormat.JSON);
    }

    static void ready(String container, int port, String mode) {
        System.out.println("READY " + container + " 127.0.0.1:" + port + " " + mode);
        System.out.flush();
    }
}
