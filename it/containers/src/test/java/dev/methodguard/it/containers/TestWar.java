package dev.methodguard.it.containers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small WAR made by a test: a web.xml (metadata-complete, MethodGuard on /* with the given init-params,
 * the given servlets), the servlet classes taken from the test class path (e.g. the root's test-jar) into
 * WEB-INF/classes, and the library with its Jackson jars (copied by the build into
 * {@code methodguard.it.webapp-lib}) into WEB-INF/lib.
 */
final class TestWar {
    /** One servlet of the web.xml: name, class, URL pattern, init-params. */
    record Servlet(String name, Class<?> type, String pattern, Map<String, String> params) {
    }

    private TestWar() {
    }

    static Path lib() {
        return Path.of(System.getProperty("methodguard.it.webapp-lib", "target/webapp-lib")).toAbsolutePath();
    }

    /** Writes {@code <work>/test-wars/<fileName>} and returns it. */
    static Path build(String fileName, Map<String, String> filterParams, List<Servlet> servlets) throws IOException {
        Path dir = Container.work().resolve("test-wars");
        Files.createDirectories(dir);
        Path war = dir.resolve(fileName);
        List<Path> jars;
        try (Stream<Path> s = Files.list(lib())) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("methodguard-"))) {
            throw new IllegalStateException("no methodguard jar in " + lib() + " (run through Maven: mvn verify)");
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            put(zip, "WEB-INF/web.xml", webXml(filterParams, servlets).getBytes(StandardCharsets.UTF_8));
            java.util.Set<String> classes = new java.util.HashSet<>();
            for (Class<?> c : servlets.stream().map(Servlet::type).toList()) {
                // The class and its superclasses of this project (e.g. TestServlets.GetPost and .Counting).
                for (Class<?> k = c; k != null && k.getName().startsWith("dev.methodguard."); k = k.getSuperclass()) {
                    String resource = k.getName().replace('.', '/') + ".class";
                    if (!classes.add(resource)) {
                        continue;
                    }
                    try (InputStream in = k.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("not on the test class path: " + resource);
                        }
                        put(zip, "WEB-INF/classes/" + resource, in.readAllBytes());
                    }
                }
            }
            for (Path jar : jars) {
                put(zip, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
            }
        }
        return war;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    static String webXml(Map<String, String> filterParams, List<Servlet> servlets) {
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <listener><listener-class>dev.methodguard.MethodGuardStartup</listener-class></listener>
                  <filter>
                    <filter-name>methodGuard</filter-name>
                    <filter-class>dev.methodguard.MethodGuardFilter</filter-class>
                """);
        filterParams.forEach((k, v) -> x.append("    <init-param><param-name>").append(k).append("</param-name><param-value>").append(v)
                .append("</param-value></init-param>\n"));
        x.append("""
                  </filter>
                  <filter-mapping>
                    <filter-name>methodGuard</filter-name>
                    <url-pattern>/*</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                  </filter-mapping>
                """);
        for (Servlet s : servlets) {
            x.append("  <servlet>\n    <servlet-name>").append(s.name()).append("</servlet-name>\n    <servlet-class>")
                    .append(s.type().getName()).append("</servlet-class>\n");
            s.params().forEach((k, v) -> x.append("    <init-param><param-name>").append(k).append("</param-name><param-value>").append(v)
                    .append("</param-value></init-param>\n"));
            x.append("    <load-on-startup>1</load-on-startup>\n  </servlet>\n  <servlet-mapping><servlet-name>").append(s.name())
                    .append("</servlet-name><url-pattern>").append(s.pattern()).append("</url-pattern></servlet-mapping>\n");
        }
        return x.append("</web-app>\n").toString();
    }
}
