package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.RouteTable.Ranking;
import dev.methodguard.RouteTable.Route;
import dev.methodguard.restfixtures.Resources;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JakartaRestRoutesTest {
    static final String FIXTURES = "dev.methodguard.restfixtures";

    static RouteTable table(Class<?>... classes) {
        return RouteTable.of(JakartaRestRoutes.of(List.of(classes)), Ranking.JAKARTA_REST);
    }

    /** The methods of the route winning {@code path}: null for pass-through; "none" when no route matches. */
    static Object methods(RouteTable t, String path) {
        int i = t.match(path);
        return i < 0 ? "none" : t.routes().get(i).methods();
    }

    static Route route(List<Route> routes, String template) {
        return routes.stream().filter(r -> r.template().equals(template)).findFirst()
                .orElseThrow(() -> new AssertionError(template + " not in " + routes));
    }

    @AfterEach
    void noApplicationCodeRan() {
        assertEquals(Set.of(), Resources.INITIALIZED, "static initializers that ran");
    }

    @Nested
    class ResourceMethods {
        @Test
        void classAndMethodPathsAreJoinedAndEachTemplateGetsTheUnionOfItsMethods() {
            RouteTable t = table(Resources.Items.class);
            assertEquals(Set.of("GET", "HEAD", "POST"), methods(t, "/items"));
            assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE"), methods(t, "/items/abc"));
            assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE"), methods(t, "/items/abc/"));
        }

        @Test
        void aRegexAndLiteralSegmentIsItsOwnRouteAndWinsOnlyWhereItMatches() {
            RouteTable t = table(Resources.Items.class);
            assertEquals(Set.of("GET", "HEAD"), methods(t, "/items/12.json"));
            assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE"), methods(t, "/items/ab.json"));
        }

        @Test
        void aSubResourceLocatorAndEverythingBelowItPassThrough() {
            List<Route> routes = JakartaRestRoutes.of(List.of(Resources.Items.class));
            assertNull(route(routes, "/items/{id}/parts").methods());
            assertNull(route(routes, "/items/{id}/parts/{rest...}").methods());
            RouteTable t = table(Resources.Items.class);
            assertNull(methods(t, "/items/1/parts"));
            assertNull(methods(t, "/items/1/parts/7/colour"));
        }

        @Test
        void pathsUnderTheClassThatNoMethodServesPassThrough() {
            RouteTable t = table(Resources.Items.class);
            assertNull(methods(t, "/items/1/unknown"));
            assertEquals("none", methods(t, "/other"));
        }

        @Test
        void headIsAddedOnlyWhereGetIsAndOptionsOnlyWhereDeclared() {
            List<Route> routes = JakartaRestRoutes.of(List.of(Resources.Items.class, Resources.Dav.class));
            assertEquals(Set.of("PROPFIND"), route(routes, "/dav").methods());
            assertTrue(route(routes, "/items").methods().contains("HEAD"));
            assertTrue(!route(routes, "/items").methods().contains("OPTIONS"), "MethodGuard answers OPTIONS unless a resource declares it");
        }

        @Test
        void aCustomAnnotationMetaAnnotatedWithHttpMethodIsAMethod() {
            assertEquals(Set.of("PROPFIND"), methods(table(Resources.Dav.class), "/dav"));
        }

        @Test
        void publicMethodsWithoutAnnotationsAreNotRoutes() {
            List<Route> routes = JakartaRestRoutes.of(List.of(Resources.Items.class));
            assertTrue(routes.stream().noneMatch(r -> r.source().endsWith("#helper")), routes.toString());
        }

        @Test
        void everyRouteIsScopedByItsClassPath() {
            for (Route r : JakartaRestRoutes.of(List.of(Resources.Items.class))) {
                assertEquals("/items", r.scope(), r.toString());
            }
        }
    }

    @Nested
    class Inheritance {
        @Test
        void annotationsComeFromTheInterfaceOrSuperclassWhenTheMethodHasNone() {
            RouteTable t = table(Resources.Impl.class);
            assertEquals(Set.of("GET", "HEAD"), methods(t, "/inherit/x"));
            assertEquals(Set.of("PUT"), methods(t, "/inherit/z"));
        }

        @Test
        void annotationsOfAGenericInterfaceMethodReachItsImplementation() {
            assertEquals(Set.of("GET", "HEAD", "PUT"), methods(table(Resources.Generic.class), "/generic/1"));
        }

        @Test
        void aMethodsOwnAnnotationHidesAllOfTheInterfaces() {
            RouteTable t = table(Resources.Impl.class);
            // y() carries @POST itself, so the interface's @Path("y") is ignored: POST is at the class path.
            assertEquals(Set.of("POST"), methods(t, "/inherit"));
            assertNull(methods(t, "/inherit/y"), "no method serves /inherit/y: the class's pass-through");
        }
    }

    @Nested
    class WhichClassesCount {
        @Test
        void classesWithoutPathInterfacesAndAbstractClassesAreNotRootResources() {
            assertEquals(List.of(), JakartaRestRoutes.of(List.of(Resources.NoPath.class, Resources.Client.class,
                    Resources.Abstract.class, Resources.Api.class, Resources.Base.class)));
        }

        @Test
        void aClassWhoseStaticInitializerWouldFailIsReadWithoutRunningIt() {
            assertEquals(Set.of("GET", "HEAD"), methods(table(Resources.Boom.class), "/boom"));
        }
    }

    @Nested
    class ClassFirstRanking {
        @Test
        void theClassIsChosenBeforeTheMethodAsJakartaRestDoes() {
            RouteTable t = table(Resources.Tenant.class, Resources.Items.class);
            // Flat, "/{tenant}/special" would have more literal characters than "/items/{id}"; but "/items"
            // beats "/{tenant}" as a class path, so Items serves /items/special.
            assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE"), methods(t, "/items/special"));
            assertEquals(Set.of("POST"), methods(t, "/acme/special"));
            assertNull(methods(t, "/acme/other"), "under /{tenant}, but no method of Tenant serves it");
        }

        @Test
        void theRootClassServesOnlyTheRootAndLosesToAnyOtherClass() {
            RouteTable t = table(Resources.Root.class, Resources.Items.class);
            assertEquals(Set.of("GET", "HEAD"), methods(t, "/"));
            assertEquals(Set.of("GET", "HEAD", "POST"), methods(t, "/items"));
            assertNull(methods(t, "/elsewhere"));
        }
    }

    @Nested
    class Join {
        @Test
        void slashesAreNormalizedAsJakartaRestDoes() {
            assertEquals("/items/{id}", JakartaRestRoutes.join("/items/", "/{id}/"));
            assertEquals("/items/{id}", JakartaRestRoutes.join("items", "{id}"));
            assertEquals("/x", JakartaRestRoutes.join("/", "x"));
            assertEquals("/", JakartaRestRoutes.join("/", ""));
            assertEquals("/", JakartaRestRoutes.join("", "/"));
        }
    }

    @Nested
    class Scan {
        /** A ServletContext whose /WEB-INF/classes/ is the compiled test classes directory. */
        ServletContext context() throws Exception {
            return fake().proxy;
        }

        Fakes.Context fake() throws Exception {
            Path root = Path.of(Resources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Fakes.Context c = new Fakes.Context(Map.of());
            c.resourcePaths = dir -> {
                if (dir.equals("/WEB-INF/")) {
                    return Set.of("/WEB-INF/classes/", "/WEB-INF/web.xml", "/WEB-INF/Nope.class");
                }
                if (!dir.startsWith("/WEB-INF/classes/")) {
                    return null;
                }
                Path d = root.resolve(dir.substring("/WEB-INF/classes/".length()));
                if (!Files.isDirectory(d)) {
                    return null;
                }
                try (Stream<Path> s = Files.list(d)) {
                    Set<String> out = s.map(p -> dir + p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (dir.equals("/WEB-INF/classes/dev/methodguard/restfixtures/")) {
                        out.add(dir + "Missing.class"); // listed, but cannot be loaded: skipped
                    }
                    return out;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return c;
        }

        static Set<String> names(List<Class<?>> classes) {
            return classes.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        }

        @Test
        void findsTheConcreteClassesCarryingPathWithoutInitializingThem() throws Exception {
            List<Class<?>> found = JakartaRestRoutes.scan(context(), getClass().getClassLoader(), List.of(FIXTURES));
            assertEquals(Set.of("Boom", "Dav", "Generic", "Impl", "Items", "Root", "Tenant"), names(found));
        }

        @Test
        void withoutPackagesTheWholeClassesDirectoryIsScanned() throws Exception {
            List<Class<?>> found = JakartaRestRoutes.scan(context(), getClass().getClassLoader(), List.of());
            assertTrue(names(found).containsAll(Set.of("Boom", "Dav", "Generic", "Impl", "Items", "Root", "Tenant")), names(found).toString());
        }

        @Test
        void packagesRestrictTheScanByPrefixNotBySubstring() throws Exception {
            ClassLoader l = getClass().getClassLoader();
            assertEquals(List.of(), JakartaRestRoutes.scan(context(), l, List.of("dev.methodguard.rest")));
            assertEquals(List.of(), JakartaRestRoutes.scan(context(), l, List.of("restfixtures")));
            assertEquals(7, JakartaRestRoutes.scan(context(), l, List.of(" dev.methodguard.restfixtures ")).size());
        }

        @Test
        void scannedClassesGiveATableThatJudgesTheirPaths() throws Exception {
            List<Class<?>> found = JakartaRestRoutes.scan(context(), getClass().getClassLoader(), List.of(FIXTURES));
            RouteTable t = RouteTable.of(JakartaRestRoutes.of(found), Ranking.JAKARTA_REST);
            assertEquals(Set.of("PROPFIND"), methods(t, "/dav"));
            assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE"), methods(t, "/items/special"));
            assertEquals(Set.of("GET", "HEAD"), methods(t, "/"));
        }

        /**
         * Embedded Jetty 12's ServletContextHandler, given no class loader of its own, answers getClassLoader() with
         * null; the packages of jersey.config.server.provider.packages must still be found (by MethodGuard's loader).
         */
        @Test
        void packagesAreFoundWhenTheContextHasNoClassLoader() throws Exception {
            Fakes.Context fake = fake();
            fake.classLoader = null;
            ServletContext c = fake.proxy;
            assertNull(c.getClassLoader());
            ServletRegistration reg = Fakes.registrations().withInitParam("rest", "org.glassfish.jersey.servlet.ServletContainer",
                    "jersey.config.server.provider.packages", FIXTURES).byName.get("rest");
            JakartaRestServlets.Found found = JakartaRestServlets.find("rest", reg, c);
            assertNotNull(found.classes(), found.how());
            assertEquals(Set.of("Boom", "Dav", "Generic", "Impl", "Items", "Root", "Tenant"), names(found.classes()));
        }

        @Test
        void aContextWithoutClassesFindsNothing() {
            assertEquals(List.of(), JakartaRestRoutes.scan(new Fakes.Context(Map.of()).proxy, getClass().getClassLoader(), null));
        }
    }
}
