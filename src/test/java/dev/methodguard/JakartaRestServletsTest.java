package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.restfixtures.Resources;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The servers' own Jakarta REST servlets, each in the registration shape the server really gives an
 * annotation-only application (read from {@code getServletRegistrations()} in it/containers, where the same
 * shapes are proved on the running servers): recognised, and their resource classes found without running
 * application code.
 */
class JakartaRestServletsTest {
    static final String FIXTURES = "dev.methodguard.restfixtures";
    static final Set<String> ALL_FIXTURES = Set.of("Boom", "Dav", "Generic", "Impl", "Items", "Root", "Tenant");
    static final String SCANNED = Resources.Items.class.getName() + "," + Resources.Dav.class.getName();

    /** An annotation-only application: no getClasses(), the server finds the resources. */
    @ApplicationPath("/api")
    public static class AnnotationOnly extends Application {
    }

    /** An application that chooses its resources in code. */
    @ApplicationPath("/api")
    public static class ChosenInCode extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Resources.Items.class);
        }
    }

    /** A context with context-params and a /WEB-INF/classes/ that holds the compiled restfixtures package. */
    static ServletContext context(Map<String, String> contextParams) {
        Path root;
        try {
            root = Path.of(Resources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String classes = "/WEB-INF/classes/";
        String fixtures = classes + FIXTURES.replace('.', '/') + "/";
        ClassLoader loader = JakartaRestServletsTest.class.getClassLoader();
        return Fakes.proxy(ServletContext.class, (m, a) -> switch (m) {
            case "getInitParameter" -> contextParams.get((String) a[0]);
            case "getClassLoader" -> loader;
            case "getResourcePaths" -> {
                String dir = (String) a[0];
                if (dir.equals(fixtures)) {
                    try (Stream<Path> s = Files.list(root.resolve(FIXTURES.replace('.', '/')))) {
                        yield s.map(p -> dir + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (fixtures.startsWith(dir) && dir.startsWith(classes)) {
                    String rest = fixtures.substring(dir.length());
                    yield Set.of(dir + rest.substring(0, rest.indexOf('/') + 1));
                }
                yield null;
            }
            default -> null;
        });
    }

    static Set<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    static JakartaRestServlets.Found find(String className, Map<String, String> initParams, Map<String, String> contextParams) {
        String name = initParams.getOrDefault("jakarta.ws.rs.Application", AnnotationOnly.class.getName());
        ServletRegistration reg = Fakes.registration(name, className, initParams, "/api/*");
        assertTrue(JakartaRestServlets.CLASSES.contains(className), className + " is not recognised");
        return JakartaRestServlets.find(name, reg, context(contextParams));
    }

    @Nested
    class WildFly {
        static final String DISPATCHER = "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher";

        Map<String, String> initParams(Class<?> app) {
            return Map.of("jakarta.ws.rs.Application", app.getName(), "resteasy.servlet.mapping.prefix", "/api");
        }

        @Test
        void theScannedClassesComeFromTheContextParamResteasyScannedResources() {
            JakartaRestServlets.Found found = find(DISPATCHER, initParams(AnnotationOnly.class), Map.of("resteasy.scanned.resources", SCANNED,
                    "resteasy.preferJacksonOverJsonB", "false"));
            assertNotNull(found.classes(), found.how());
            assertEquals(Set.of("Items", "Dav"), names(found.classes()));
            assertTrue(found.how().contains("resteasy.scanned.resources"), found.how());
            assertTrue(JakartaRestServlets.isResteasy(DISPATCHER));
        }

        @Test
        void anApplicationThatChoosesItsResourcesInCodeIsNotJudgedByTheScan() {
            JakartaRestServlets.Found found = find(DISPATCHER, initParams(ChosenInCode.class), Map.of("resteasy.scanned.resources", SCANNED));
            assertNull(found.classes());
            assertTrue(found.how().contains("getClasses()"), found.how());
        }
    }

    @Nested
    class OpenLiberty {
        Map<String, String> initParams(Class<?> app) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("jakarta.ws.rs.Application", app.getName());
            p.put("resteasy.proxy.implement.all.interfaces", "true");
            p.put("resteasy.scanned.resources", SCANNED);
            p.put("resteasy.servlet.mapping.prefix", "/api");
            p.put("resteasy.unwrapped.exceptions", "jakarta.ejb.EJBException");
            return p;
        }

        @Test
        void ibmRestServletIsRecognisedAndItsScannedClassesComeFromItsInitParam() {
            JakartaRestServlets.Found found = find(JakartaRestServlets.LIBERTY, initParams(AnnotationOnly.class), Map.of());
            assertNotNull(found.classes(), found.how());
            assertEquals(Set.of("Items", "Dav"), names(found.classes()));
        }

        @Test
        void itRunsResteasySoResteasysRulesApply() {
            assertTrue(JakartaRestServlets.isResteasy(JakartaRestServlets.LIBERTY));
        }

        @Test
        void anApplicationThatChoosesItsResourcesInCodeIsNotJudgedByTheScan() {
            JakartaRestServlets.Found found = find(JakartaRestServlets.LIBERTY, initParams(ChosenInCode.class), Map.of());
            assertNull(found.classes());
            assertTrue(found.how().contains(ChosenInCode.class.getName()), found.how());
        }

        @Test
        void aScannedClassThatCannotBeLoadedLeavesTheServletUndeclared() {
            Map<String, String> p = new LinkedHashMap<>(initParams(AnnotationOnly.class));
            p.put("resteasy.scanned.resources", SCANNED + ",com.example.Gone");
            JakartaRestServlets.Found found = find(JakartaRestServlets.LIBERTY, p, Map.of());
            assertNull(found.classes());
            assertTrue(found.how().contains("com.example.Gone"), found.how());
        }
    }

    /** GlassFish 7 and Payara 6: Jersey's ServletContainer named after the application, no init-params. */
    @Nested
    class GlassFishAndPayara {
        static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";

        @Test
        void theApplicationIsTheServletNameAndEveryPathClassInWebInfClassesIsItsResource() {
            JakartaRestServlets.Found found = find(JERSEY, Map.of(), Map.of());
            assertNotNull(found.classes(), found.how());
            assertEquals(ALL_FIXTURES, names(found.classes()));
            assertFalse(JakartaRestServlets.isResteasy(JERSEY), "Jersey's rules, not RESTEasy's");
        }

        @Test
        void anApplicationNamedByTheServletThatChoosesItsResourcesInCodeFindsNothing() {
            ServletRegistration reg = Fakes.registration(ChosenInCode.class.getName(), JERSEY, Map.of(), "/api/*");
            JakartaRestServlets.Found found = JakartaRestServlets.find(ChosenInCode.class.getName(), reg, context(Map.of()));
            assertNull(found.classes());
            assertTrue(found.how().contains("getClasses()"), found.how());
        }
    }
}
