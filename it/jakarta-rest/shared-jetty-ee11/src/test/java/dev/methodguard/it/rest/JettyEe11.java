package dev.methodguard.it.rest;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** Embedded Jetty 12.1 ee11: one ServletContextHandler per application, MethodGuard on /* (REQUEST). */
final class JettyEe11 implements Container {
    private Server server;

    @Override
    public int start(List<Deployment> apps) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (Deployment d : apps) {
            ServletContextHandler context = new ServletContextHandler(d.contextPath());
            context.setBaseResourceAsPath(d.docBase());
            d.contextParams().forEach(context::setInitParameter);
            ServletHolder servlet = new ServletHolder();
            servlet.setName(d.servletName());
            servlet.setClassName(d.servletClass());
            servlet.setInitParameters(d.initParams());
            servlet.setInitOrder(1);
            context.addServlet(servlet, d.mapping());
            if (d.filter() != null) {
                context.addFilter(new FilterHolder(d.filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            contexts.addHandler(context);
        }
        server.setHandler(contexts);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public String notes() {
        return "Embedded Jetty (a ServletContextHandler, no webdefault descriptor) refuses no method itself: TRACE and lowercase "
                + "methods reach MethodGuard and the framework as sent; it answers 400 itself to a path with an empty segment "
                + "(/items//12, UriCompliance).";
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
