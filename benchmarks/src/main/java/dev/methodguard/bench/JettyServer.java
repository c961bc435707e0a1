package dev.methodguard.bench;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12.1 (ee10) on 127.0.0.1 with {@link ItemsServlet} on /*, with or without MethodGuard;
 * everything else is Jetty's default, including its error page for the servlet's own 405 and 501.
 * Usage: {@code JettyServer <port> <filter|plain|handwritten>} (see {@link E2eServers#mode}).
 */
public final class JettyServer {
    private JettyServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = E2eServers.mode(args, "JettyServer");
        boolean withFilter = mode.equals("filter");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("items", E2eServers.servlet(mode)), "/*");
        if (withFilter) {
            Fixture.quietLogging();
            context.addFilter(new FilterHolder(E2eServers.filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
        E2eServers.ready("jetty", connector.getLocalPort(), mode);
        server.join();
    }
}
