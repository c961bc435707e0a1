package dev.methodguard.it.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 11: one context per application, MethodGuard on /* (REQUEST). The connector keeps its defaults
 * but one: {@code encodedSolidusHandling=decode}, so that {@code %2F} reaches the application (decoded to {@code /}
 * in the pathInfo, kept in the request URI the frameworks route on), as on servers that let it through.
 */
final class Tomcat11 implements Container {
    private Tomcat tomcat;

    @Override
    public int start(List<Deployment> apps) throws Exception {
        Path target = Path.of(System.getProperty("methodguard.it.target", "target"));
        Files.createDirectories(target);
        Path baseDir = Files.createTempDirectory(target, "tomcat-");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("decode");
        tomcat.setConnector(connector);
        for (Deployment d : apps) {
            Context context = tomcat.addContext(d.contextPath(), d.docBase().toString());
            // Parent first: WEB-INF/classes holds copies of the test's classes (for package scanning); the test's own
            // must be the ones that run, or the counting filter would count in a class the test never reads.
            ((StandardContext) context).setDelegate(true);
            d.contextParams().forEach(context::addParameter);
            Wrapper servlet = Tomcat.addServlet(context, d.servletName(), d.servletClass());
            d.initParams().forEach(servlet::addInitParameter);
            servlet.setLoadOnStartup(1);
            context.addServletMappingDecoded(d.mapping(), d.servletName());
            if (d.filter() != null) {
                FilterDef def = new FilterDef();
                def.setFilterName("methodGuard");
                def.setFilter(d.filter());
                def.setFilterClass(d.filter().getClass().getName());
                context.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName("methodGuard");
                map.addURLPattern("/*");
                map.setDispatcher("REQUEST");
                context.addFilterMap(map);
            }
        }
        tomcat.start();
        return connector.getLocalPort();
    }

    @Override
    public String notes() {
        return "Tomcat's connector refuses TRACE itself (allowTrace=false, the default) with 405 and an Allow computed from the "
                + "servlet class's doXxx methods, before any filter: MethodGuard never sees it (lowercase trace does reach it). Tomcat "
                + "merges the empty segment of /items//12 and decodes the %2F of /users/a%2Fb (encodedSolidusHandling=decode) in "
                + "its pathInfo; MethodGuard, like the framework, matches the request URI as sent.";
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
