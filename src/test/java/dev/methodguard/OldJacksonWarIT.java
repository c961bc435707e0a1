package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MethodGuard inside a WAR that bundles an older Jackson 2.x of its own. The WAR is assembled here, exploded
 * under {@code target/}: {@code WEB-INF/lib} holds the MethodGuard jar just packaged and the old Jackson jars
 * (copied by the dependency plugin, see the pom), {@code WEB-INF/classes} one servlet, {@code WEB-INF/web.xml}
 * the filter. Jetty 12.1 deploys it with a {@code WebAppContext} (ee10 or ee11, as every IT), whose class
 * loader looks in the WAR first: MethodGuard then runs on the application's Jackson, not on the one it was
 * built with, and its 405/501 bodies must still be exact.
 */
class OldJacksonWarIT {
    static final String OLD_JACKSON = System.getProperty("methodguard.it.old-jackson.version", "2.12.7");
    static final ObjectMapper JSON = new ObjectMapper();

    static Server server;
    static ContextHandler webapp;
    static ClassLoader webappLoader;
    static Path war;
    static int port;

    /** The WAR's only servlet: GET and POST, nothing else. */
    public static class Items extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("GET ok");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("POST ok");
        }
    }

    static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
              <filter>
                <filter-name>methodGuard</filter-name>
                <filter-class>dev.methodguard.MethodGuardFilter</filter-class>
                <init-param>
                  <param-name>known-methods</param-name>
                  <param-value>DELETE, PATCH</param-value>
                </init-param>
              </filter>
              <filter-mapping>
                <filter-name>methodGuard</filter-name>
                <url-pattern>/*</url-pattern>
                <dispatcher>REQUEST</dispatcher>
              </filter-mapping>
              <servlet>
                <servlet-name>items</servlet-name>
                <servlet-class>dev.methodguard.OldJacksonWarIT$Items</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>items</servlet-name>
                <url-pattern>/items/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    @BeforeAll
    static void deploy() throws Exception {
        war = assembleWar();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Class<?> type = Class.forName("org.eclipse.jetty." + TestJetty.EE + ".webapp.WebAppContext");
        webapp = (ContextHandler) type.getConstructor().newInstance();
        webapp.setContextPath("/shop");
        type.getMethod("setWar", String.class).invoke(webapp, war.toString());
        type.getMethod("setThrowUnavailableOnStartupException", boolean.class).invoke(webapp, true);
        server.setHandler((Handler) webapp);
        server.start();
        assertTrue(webapp.isAvailable(), "the WAR did not start; see the log above");
        port = connector.getLocalPort();
        webappLoader = (ClassLoader) type.getMethod("getClassLoader").invoke(webapp);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** target/old-jackson-war-eeNN: WEB-INF/lib (MethodGuard + old Jackson), WEB-INF/classes, WEB-INF/web.xml. */
    static Path assembleWar() throws IOException, URISyntaxException {
        Path jar = Path.of(required("methodguard.it.jar"));
        Path jacksonDir = Path.of(required("methodguard.it.old-jackson"));
        assertTrue(Files.isRegularFile(jar), "no packaged MethodGuard jar at " + jar + " (run through mvn verify)");
        Path target = jar.getParent();
        Path dir = target.resolve("old-jackson-war-" + TestJetty.EE);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
        Files.copy(jar, lib.resolve(jar.getFileName()));
        List<Path> jackson;
        try (Stream<Path> jars = Files.list(jacksonDir)) {
            jackson = jars.filter(p -> p.getFileName().toString().endsWith("-" + OLD_JACKSON + ".jar")).toList();
        }
        assertEquals(3, jackson.size(), "jackson-core, -databind and -annotations " + OLD_JACKSON + " in " + jacksonDir);
        for (Path j : jackson) {
            Files.copy(j, lib.resolve(j.getFileName()));
        }
        String servlet = Items.class.getName().replace('.', '/') + ".class";
        Path classFile = dir.resolve("WEB-INF/classes").resolve(servlet);
        Files.createDirectories(classFile.getParent());
        try (InputStream in = OldJacksonWarIT.class.getClassLoader().getResourceAsStream(servlet)) {
            assertNotNull(in, servlet);
            Files.copy(in, classFile, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("WEB-INF/web.xml"), WEB_XML, StandardCharsets.UTF_8);
        return dir;
    }

    static String required(String property) {
        String v = System.getProperty(property);
        assertNotNull(v, "system property " + property + " (set by the failsafe configuration in pom.xml)");
        return v;
    }

    @Test
    void theWebAppRunsMethodGuardFromItsOwnLibOnTheOldJackson() throws Exception {
        Class<?> filter = webappLoader.loadClass("dev.methodguard.MethodGuardFilter");
        assertSame(webappLoader, filter.getClassLoader(), "MethodGuard must come from WEB-INF/lib");
        assertEquals(war.resolve("WEB-INF/lib").resolve(Path.of(required("methodguard.it.jar")).getFileName()), location(filter));

        Class<?> encoder = webappLoader.loadClass("com.fasterxml.jackson.core.io.JsonStringEncoder");
        assertSame(webappLoader, encoder.getClassLoader(), "Jackson must come from WEB-INF/lib");
        assertEquals(war.resolve("WEB-INF/lib/jackson-core-" + OLD_JACKSON + ".jar"), location(encoder));
        Object version = webappLoader.loadClass("com.fasterxml.jackson.core.json.PackageVersion").getField("VERSION").get(null);
        assertEquals(OLD_JACKSON, version.toString());
        assertEquals(OLD_JACKSON, encoder.getPackage().getImplementationVersion());

        // And this test's own Jackson (the one MethodGuard is built with) is a different, newer one.
        assertTrue(!com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString().equals(OLD_JACKSON));
    }

    static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void anAllowedMethodReachesTheServlet() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "GET", "/shop/items/1");
        assertEquals(200, r.status());
        assertEquals("GET ok", r.body());
    }

    @Test
    void aKnownMethodIs405WithAllowAndTheExactJsonBody() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "DELETE", "/shop/items/1");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"" + WireFormat.MESSAGE_405
                + "\",\"method\":\"DELETE\",\"path\":\"/shop/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}",
                r.body());
    }

    @Test
    void anUnknownMethodIs501WithTheExactJsonBody() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "FOO", "/shop/items/1");
        assertEquals(501, r.status());
        assertEquals(null, r.header("Allow"));
        assertEquals("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"" + WireFormat.MESSAGE_501
                + "\",\"method\":\"FOO\",\"path\":\"/shop/items/1\"}", r.body());
    }

    @Test
    void aPercentEncodedQuoteInThePathIsEchoedAsSent() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "PATCH", "/shop/items/a%22b%3Cc");
        assertEquals(405, r.status());
        assertEquals("/shop/items/a%22b%3Cc", JSON.readTree(r.body()).get("path").asText());
    }

    /**
     * Jetty answers 400 itself to a method or a raw request-target with a character JSON must escape
     * ({@code "}, {@code \}, controls, non-ASCII), so no such request reaches the filter over a socket. The
     * escaping is therefore checked one level down, still inside the web app: MethodGuard's WireFormat as
     * loaded from WEB-INF/lib, on the old Jackson, must write the same bytes as this build's Jackson does, and
     * they must parse back to the method and path it was given.
     */
    @Test
    void echoedCharactersThatNeedEscapingComeOutAsTheCurrentJacksonWritesThem() throws Exception {
        String method = "A\"B\\C\n\t\u0001\u00e9\u2028\uD83D\uDE00";
        String path = "/shop/items/\"</script>\\\r\n\u007f";
        Class<?> writerType = webappLoader.loadClass("dev.methodguard.WireFormat");
        assertSame(webappLoader, writerType.getClassLoader());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object json = Enum.valueOf((Class) webappLoader.loadClass("dev.methodguard.BodyFormat"), "JSON");
        var constructor = writerType.getDeclaredConstructor(json.getClass());
        constructor.setAccessible(true);
        Object writer = constructor.newInstance(json);
        var body = writerType.getDeclaredMethod("body", String.class, String.class, byte[].class);
        body.setAccessible(true);
        byte[] old = (byte[]) body.invoke(writer, method, path, null);

        byte[] current = new WireFormat(BodyFormat.JSON).body(method, path, null);
        assertEquals(new String(current, StandardCharsets.UTF_8), new String(old, StandardCharsets.UTF_8));
        String text = new String(old, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"method\":\"A\\\"B\\\\C\\n\\t\\u0001\u00e9"), text);
        JsonNode parsed = JSON.readTree(old);
        assertEquals(method, parsed.get("method").asText());
        assertEquals(path, parsed.get("path").asText());
        assertEquals(501, parsed.get("status").asInt());
    }
}
