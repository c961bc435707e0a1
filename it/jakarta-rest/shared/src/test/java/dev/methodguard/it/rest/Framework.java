package dev.methodguard.it.rest;

import dev.methodguard.it.rest.app.CatalogResource;
import dev.methodguard.it.rest.app.CodesResource;
import dev.methodguard.it.rest.app.FallbackResource;
import dev.methodguard.it.rest.app.HeadResource;
import dev.methodguard.it.rest.app.DavResource;
import dev.methodguard.it.rest.app.FilesResource;
import dev.methodguard.it.rest.app.Hits;
import dev.methodguard.it.rest.app.ItemsResource;
import dev.methodguard.it.rest.app.MeResource;
import dev.methodguard.it.rest.app.OptionsResource;
import dev.methodguard.it.rest.app.OrdersResource;
import dev.methodguard.it.rest.app.PingResource;
import dev.methodguard.it.rest.app.ThingsResource;
import dev.methodguard.it.rest.app.UserResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The two servlet-based Jakarta REST implementations, and the ways users configure their servlet. */
public enum Framework {
    JERSEY, RESTEASY;

    /** The root resources of the test application (what a user lists in web.xml). */
    static final List<Class<?>> ROOTS = List.of(ItemsResource.class, FilesResource.class, DavResource.class, OrdersResource.class,
            ThingsResource.class, PingResource.class, UserResource.class, MeResource.class, OptionsResource.class,
            CodesResource.class, CatalogResource.class, FallbackResource.class, HeadResource.class);
    static final String SERVLET = "rest";
    static final String MAPPING = "/api/*";

    /**
     * One way to deploy the application. {@code builder}: MethodGuard is configured in code with
     * {@code jakartaRest(SERVLET, ROOTS)}; otherwise it derives the routes from the servlet's own parameters.
     */
    record Variant(String id, String how, String servletClass, Map<String, String> initParams, Map<String, String> contextParams,
                   boolean builder) {
    }

    private static String names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.joining(",\n    "));
    }

    /** The variants; the first is also the deployment without MethodGuard and the one the table shows. */
    List<Variant> variants() {
        if (this == JERSEY) {
            String servlet = "org.glassfish.jersey.servlet.ServletContainer";
            Map<String, String> classnames = Map.of("jersey.config.server.provider.classnames",
                    names(ROOTS) + ",\n    " + Hits.class.getName());
            return List.of(
                    new Variant("classnames", "servlet init-param jersey.config.server.provider.classnames", servlet, classnames, Map.of(), false),
                    new Variant("packages", "servlet init-param jersey.config.server.provider.packages (WEB-INF/classes scanned)", servlet,
                            Map.of("jersey.config.server.provider.packages", ItemsResource.class.getPackageName()), Map.of(), false),
                    new Variant("builder", "MethodGuardFilter.builder().jakartaRest(\"rest\", ...) (Jersey: classnames)", servlet,
                            classnames, Map.of(), true));
        }
        Map<String, String> lists = Map.of("resteasy.resources", names(ROOTS), "resteasy.providers", Hits.class.getName());
        Map<String, String> prefix = Map.of("resteasy.servlet.mapping.prefix", "/api");
        Map<String, String> both = new java.util.HashMap<>(lists);
        both.putAll(prefix);
        return List.of(
                new Variant("resources", "HttpServletDispatcher, servlet init-param resteasy.resources",
                        "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", Map.copyOf(both), Map.of(), false),
                new Variant("context-param", "HttpServlet30Dispatcher, context-param resteasy.resources",
                        "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher", prefix, lists, false),
                new Variant("builder", "MethodGuardFilter.builder().jakartaRest(\"rest\", ...) (RESTEasy: init-params)",
                        "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", Map.copyOf(both), Map.of(), true));
    }
}
