package dev.methodguard;

import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RejectedBodiesContract} on embedded Tomcat 11 (tomcat-embed-core, its own Servlet 6.1 API; run by
 * the failsafe execution {@code tomcat-11}, which has neither Jetty nor jakarta.servlet-api on its class
 * path). Tomcat swallows an unread request body up to {@code maxSwallowSize} (2 MiB by default) after the
 * response and keeps the connection; beyond that it closes it. With Expect: 100-continue it sends
 * 100 Continue before the servlet chain runs (its default {@code continueResponseTiming=immediately}).
 */
class BodiesOnRejectedRequestsTomcatIT extends RejectedBodiesContract {
    static final Items ITEMS = new Items();
    static Tomcat tomcat;
    static Connector connector;
    static File baseDir;

    @BeforeAll
    static void start() throws Exception {
        baseDir = Files.createTempDirectory("methodguard-tomcat").toFile();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.getAbsolutePath());
        Tomcat.addServlet(context, "items", ITEMS);
        context.addServletMappingDecoded("/items/*", "items");
        FilterDef def = new FilterDef();
        def.setFilterName("methodGuard");
        def.setFilter(new MethodGuardFilter());
        def.addInitParameter("known-methods", "POST, PUT, PATCH");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("methodGuard");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
    }

    @AfterAll
    static void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Override
    int port() {
        return connector.getLocalPort();
    }

    @Override
    Items items() {
        return ITEMS;
    }

    @Override
    String container() {
        return "tomcat-11";
    }

    @Override
    void checkExpectContinue(Outcome o) {
        // Tomcat may send 100 Continue first (its default); anything else interim would be a surprise.
        for (int status : o.interim()) {
            org.junit.jupiter.api.Assertions.assertEquals(100, status);
        }
    }
}
