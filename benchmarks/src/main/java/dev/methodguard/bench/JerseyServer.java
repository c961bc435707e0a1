package dev.methodguard.bench;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Embedded Jetty 12.1 (ee10) on 127.0.0.1 with Jersey 3.1's {@link ServletContainer} on {@code /api/*}, serving
 * {@link ItemsResource} (named in the init-param {@code jersey.config.server.provider.classnames}), with or
 * without MethodGuard. The filter is configured exactly as for the other servers; it finds the Jersey servlet
 * by its class and derives the route table from the resource's annotations by itself. Everything else is
 * Jersey's and Jetty's default, including Jersey's own 405 for DELETE on the GET-only item.
 * Usage: {@code JerseyServer <port> <filter|plain>}.
 */
public final class JerseyServer {
    static final String PREFIX = "/api";

    private JerseyServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[1].equals("filter") || args[1].equals("plain"))) {
            System.err.println("usage: JerseyServer <port> <filter|plain>");
            System.exit(2);
        }
        String mode = args[1];
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder jersey = new ServletHolder("jersey", ServletContainer.class);
        jersey.setInitParameter("jersey.config.server.provider.classnames", ItemsResource.class.getName());
        jersey.setInitOrder(1);
        context.addServlet(jersey, PREFIX + "/*");
        if (mode.equals("filter")) {
            Fixture.quietLogging();
            context.addFilter(new FilterHolder(E2eServers.filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
        E2eServers.ready("jersey", connector.getLocalPort(), mode);
        server.join();
    }
}
