package dev.methodguard.bench;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 11 on 127.0.0.1 with {@link ItemsServlet} on /*, with or without MethodGuard; everything
 * else is Tomcat's default, including its HTML error page (ErrorReportValve) for the servlet's own 405 and 501.
 * Runs on its own class path: tomcat-embed-core brings its own jakarta.servlet classes.
 * Usage: {@code TomcatServer <port> <filter|plain|handwritten>} (see {@link E2eServers#mode}).
 */
public final class TomcatServer {
    private TomcatServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = E2eServers.mode(args, "TomcatServer");
        boolean withFilter = mode.equals("filter");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/methodguard-bench-tomcat-" + args[0]);
        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "items", E2eServers.servlet(mode));
        context.addServletMapping("/*", "items");
        if (withFilter) {
            Fixture.quietLogging();
            FilterDef def = new FilterDef();
            def.setFilterName("methodguard");
            def.setFilter(E2eServers.filter());
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("methodguard");
            map.addURLPattern("/*");
            context.addFilterMap(map);
        }
        tomcat.start();
        E2eServers.ready("tomcat", connector.getLocalPort(), mode);
        tomcat.getServer().await();
    }
}
