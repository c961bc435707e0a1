package dev.methodguard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real embedded Tomcat 11 on 127.0.0.1, port 0, with one context at a fresh base directory and
 * MethodGuard on /* (REQUEST). Only the failsafe execution {@code tomcat-11} runs tests that use it:
 * tomcat-embed-core brings its own Servlet 6.1 classes.
 */
final class TestTomcat implements AutoCloseable {
    /** Tomcat's Http11Processor.statusDropsConnection: the statuses after which it closes the connection. */
    private static final Set<Integer> DROPS_CONNECTION = Set.of(400, 408, 411, 413, 414, 500, 501, 503);

    /** Servlets, users, constraints...: whatever a test adds to the context before the start. */
    interface Setup {
        void configure(Tomcat tomcat, Context context, Path baseDir) throws Exception;

        /** No step. (Here, not in TestTomcat: surefire's Test* pattern loads TestTomcat without Tomcat on the class path.) */
        Setup NOTHING = (tomcat, context, baseDir) -> { };
    }

    private final Tomcat tomcat;
    private final Connector connector;

    private TestTomcat(Tomcat tomcat, Connector connector) {
        this.tomcat = tomcat;
        this.connector = connector;
    }

    static TestTomcat start(Map<String, String> filterParams, Setup setup) throws Exception {
        return start(filterParams, setup, Setup.NOTHING);
    }

    /**
     * A Tomcat with {@code setup}'s servlets, MethodGuard on /* with {@code filterParams} (none at all when
     * {@code null}: the same application unguarded, for side-by-side tests), then {@code afterFilter}'s filters.
     */
    static TestTomcat start(Map<String, String> filterParams, Setup setup, Setup afterFilter) throws Exception {
        Path baseDir = Files.createTempDirectory("methodguard-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        setup.configure(tomcat, context, baseDir);
        if (filterParams != null) {
            FilterDef def = new FilterDef();
            def.setFilterName("methodGuard");
            def.setFilter(new MethodGuardFilter());
            filterParams.forEach(def::addInitParameter);
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("methodGuard");
            map.addURLPattern("/*");
            context.addFilterMap(map);
        }
        afterFilter.configure(tomcat, context, baseDir);
        tomcat.start();
        return new TestTomcat(tomcat, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    /**
     * Whether Tomcat closes the connection (announcing {@code Connection: close}) after a response with this
     * status to the {@code nth} request (from 1) on it: after every status of its statusDropsConnection list
     * (so after every 501), and after the connector's {@code maxKeepAliveRequests}-th request (100 by default).
     */
    boolean closesConnectionAfter(int status, int nth) {
        // Read while started: before the connector is bound, Tomcat reports 1 (no keep-alive).
        int maxKeepAliveRequests = ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getMaxKeepAliveRequests();
        return DROPS_CONNECTION.contains(status) || maxKeepAliveRequests > 0 && nth >= maxKeepAliveRequests;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
