package dev.methodguard.examples.jetty;

import dev.methodguard.AllowedMethods;
import dev.methodguard.MethodGuardFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * MethodGuard in front of four servlets on embedded Jetty 12.1 (ee11), one per way of declaring methods:
 * introspection, {@code @AllowedMethods}, the builder, and none at all.
 */
public final class Demo {
    private Demo() {
    }

    /** A plain HttpServlet: MethodGuard reads its doGet/doPost and allows GET, HEAD, POST (and OPTIONS). */
    public static final class ItemsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            json(resp, 200, "{\"items\":[{\"id\":1,\"name\":\"teapot\"}]}");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            json(resp, 201, "{\"id\":2}");
        }
    }

    /** Overrides service(), so its doXxx say nothing; the annotation declares what it really handles. */
    @AllowedMethods({"GET", "PUT", "DELETE"})
    public static final class DocumentsServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            json(resp, 200, "{\"handled\":\"" + req.getMethod() + "\"}");
        }
    }

    /** Also overrides service(); declared in code through the builder instead, by servlet name. */
    public static final class ReportsServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            json(resp, 200, "{\"report\":\"monthly\"}");
        }
    }

    /** Declares nothing and overrides service(): MethodGuard lets its requests through and warns at startup. */
    public static final class LegacyServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            json(resp, 200, "{\"legacy\":\"" + req.getMethod() + "\"}");
        }
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write(body);
    }

    /** Starts the demo on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static Server start(int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("items", new ItemsServlet()), "/items/*");
        context.addServlet(new ServletHolder("documents", new DocumentsServlet()), "/documents/*");
        context.addServlet(new ServletHolder("reports", new ReportsServlet()), "/reports/*");
        context.addServlet(new ServletHolder("legacy", new LegacyServlet()), "/legacy/*");

        MethodGuardFilter guard = MethodGuardFilter.builder()
                .allowedMethods("reports", "GET")
                .knownMethods("PATCH")
                .build();
        context.addFilter(new FilterHolder(guard), "/*", EnumSet.of(DispatcherType.REQUEST));

        server.setHandler(context);
        server.start();
        return server;
    }

    private static int port(String arg) {
        try {
            int port = Integer.parseInt(arg.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        System.err.println("Demo: the port must be a number from 0 to 65535 (0 picks a free one), got '" + arg + "'");
        System.exit(2);
        return -1;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? port(args[0]) : 8080;
        Server server = start(port);
        String base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        System.out.println();
        System.out.println("MethodGuard demo on " + base + "  (Ctrl+C to stop). Try:");
        System.out.println("  curl -i " + base + "/items/1                 # 200, introspected servlet");
        System.out.println("  curl -i -X DELETE " + base + "/items/1       # 405 + Allow: GET, HEAD, OPTIONS, POST");
        System.out.println("  curl -i -X FOO " + base + "/items/1          # 501, nothing implements FOO");
        System.out.println("  curl -i -X PATCH " + base + "/items/1        # 405, PATCH is a known method (known-methods)");
        System.out.println("  curl -i -X OPTIONS " + base + "/documents/1  # 200 + Allow from @AllowedMethods");
        System.out.println("  curl -i -X POST " + base + "/reports/1       # 405, builder allows only GET");
        System.out.println("  curl -i -X TRACE " + base + "/items/1        # 405, TRACE is off by default");
        System.out.println("  curl -i -X FOO " + base + "/legacy/1         # 200, undeclared servlet: passes through");
        System.out.println("  curl -i -X DELETE " + base + "/nope          # 405 + Allow: GET, HEAD, OPTIONS (no servlet: Jetty's 404 fallback)");
        server.join();
    }
}
