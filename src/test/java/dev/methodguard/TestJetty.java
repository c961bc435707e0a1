package dev.methodguard;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.security.Credential;

/**
 * A real embedded Jetty 12.1 on 127.0.0.1, port 0, in the servlet environment chosen by the system
 * property {@code methodguard.it.ee} ({@code ee10} = Servlet 6.0, {@code ee11} = Servlet 6.1; failsafe runs
 * every IT once per environment). Servlets and the filter are registered through the standard
 * {@link ServletContext} API, exactly as a {@code ServletContainerInitializer} would, so one test class
 * serves both environments.
 */
final class TestJetty implements AutoCloseable {
    static final String EE = System.getProperty("methodguard.it.ee", "ee10");

    private final Server server;
    final int port;

    private TestJetty(Server server) {
        this.server = server;
        this.port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** True when the container's HttpServlet declares doPatch (Servlet 6.1, Jetty ee11). */
    static boolean servlet61() {
        try {
            jakarta.servlet.http.HttpServlet.class.getDeclaredMethod("doPatch",
                    jakarta.servlet.http.HttpServletRequest.class, jakarta.servlet.http.HttpServletResponse.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static App app() {
        return new App();
    }

    /** What to deploy: servlets with mappings and init-params, and the filter. */
    static final class App {
        private final Map<String, Servlet> servlets = new LinkedHashMap<>();
        private final Map<String, String[]> mappings = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> servletParams = new LinkedHashMap<>();
        private Filter filter;
        private final Map<String, String> filterParams = new LinkedHashMap<>();
        private final List<Consumer<ServletContext>> extra = new ArrayList<>();
        private String contextPath = "/";
        private final Map<String, ServletSecurityElement> servletSecurity = new LinkedHashMap<>();
        private String[] basicUser;

        App servlet(String name, Servlet servlet, String... urlPatterns) {
            servlets.put(name, servlet);
            mappings.put(name, urlPatterns);
            return this;
        }

        App servletParam(String servlet, String name, String value) {
            servletParams.computeIfAbsent(servlet, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Registers {@code filter} on /* for REQUEST dispatches; without a call, no filter is installed. */
        App filter(Filter filter) {
            this.filter = filter;
            return this;
        }

        App filterParam(String name, String value) {
            filterParams.put(name, value);
            return this;
        }

        App contextPath(String path) {
            this.contextPath = path;
            return this;
        }

        /**
         * Installs Jetty's security handler with BASIC authentication and one user, so that security
         * constraints (e.g. {@link #servletSecurity}) are enforced.
         */
        App basicAuth(String user, String password, String... roles) {
            String[] u = new String[roles.length + 2];
            u[0] = user;
            u[1] = password;
            System.arraycopy(roles, 0, u, 2, roles.length);
            this.basicUser = u;
            return this;
        }

        /** {@code ServletRegistration.Dynamic.setServletSecurity} for a servlet; needs {@link #basicAuth}. */
        App servletSecurity(String servlet, ServletSecurityElement element) {
            servletSecurity.put(servlet, element);
            return this;
        }

        /** Any other registration, run during context initialization. */
        App configure(Consumer<ServletContext> step) {
            extra.add(step);
            return this;
        }

        TestJetty start() throws Exception {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            Class<?> contextClass = Class.forName("org.eclipse.jetty." + EE + ".servlet.ServletContextHandler");
            ContextHandler context;
            if (basicUser == null) {
                context = (ContextHandler) contextClass.getConstructor().newInstance();
            } else {
                context = (ContextHandler) contextClass.getConstructor(int.class)
                        .newInstance(contextClass.getField("SECURITY").getInt(null));
                SecurityHandler security = (SecurityHandler) contextClass.getMethod("getSecurityHandler").invoke(context);
                UserStore users = new UserStore();
                users.addUser(basicUser[0], Credential.getCredential(basicUser[1]),
                        java.util.Arrays.copyOfRange(basicUser, 2, basicUser.length));
                HashLoginService login = new HashLoginService("test");
                login.setUserStore(users);
                security.setLoginService(login);
                security.setAuthenticator(new BasicAuthenticator());
                security.setRealmName("test");
            }
            context.setContextPath(contextPath);
            context.addEventListener((EventListener) new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    register(event.getServletContext());
                }
            });
            server.setHandler((Handler) context);
            try {
                server.start();
            } catch (Exception e) {
                server.stop();
                throw e;
            }
            if (!context.isAvailable()) {
                server.stop();
                throw new IllegalStateException("context failed to start; see the log above for the cause");
            }
            return new TestJetty(server);
        }

        private void register(ServletContext ctx) {
            servlets.forEach((name, servlet) -> {
                ServletRegistration.Dynamic reg = ctx.addServlet(name, servlet);
                reg.addMapping(mappings.get(name));
                servletParams.getOrDefault(name, Map.of()).forEach(reg::setInitParameter);
                if (servletSecurity.containsKey(name)) {
                    reg.setServletSecurity(servletSecurity.get(name));
                }
            });
            if (filter != null) {
                var reg = ctx.addFilter("methodGuard", filter);
                filterParams.forEach(reg::setInitParameter);
                reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            }
            extra.forEach(step -> step.accept(ctx));
        }
    }

    RawHttp.Response send(String method, String target) throws Exception {
        return RawHttp.send(port, method, target);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
