package dev.methodguard.it.containers;

import dev.methodguard.it.containers.jaxrs.Api;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Jakarta REST test bed, built by the test from the compiled classes of the package
 * {@code dev.methodguard.it.containers.jaxrs}: an annotation-only application ({@code @ApplicationPath("/api")},
 * no {@code getClasses()}, twelve root resource classes), a plain servlet ({@code /hello}), a servlet that lists
 * the context's servlet registrations ({@code /registrations}), {@code index.html} and {@code hello.jsp}. Two
 * variants with the same classes: {@value #GUARDED} with MethodGuard as the README says (the jar in
 * WEB-INF/lib, a {@code <filter>} on /* in web.xml, the startup listener from the jar's web-fragment.xml) and
 * {@value #PLAIN} without it. The server's own Jakarta REST implementation serves both.
 */
final class JaxrsWar {
    static final String GUARDED = "jaxrs";
    static final String PLAIN = "jaxrs-plain";
    private static final String PACKAGE = Api.class.getPackageName().replace('.', '/') + "/";

    private JaxrsWar() {
    }

    /** Both WARs, written to {@code <work>/test-wars/}. */
    static List<Path> both() throws IOException {
        return List.of(build(GUARDED, true), build(PLAIN, false));
    }

    static Path build(String name, boolean guarded) throws IOException {
        Path dir = Container.work().resolve("test-wars");
        Files.createDirectories(dir);
        Path war = dir.resolve(name + ".war");
        Path classes;
        try {
            classes = Path.of(Api.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            put(zip, "WEB-INF/web.xml", webXml(guarded).getBytes(StandardCharsets.UTF_8));
            put(zip, "index.html", "<!DOCTYPE html><title>jaxrs</title><h1>jaxrs</h1>\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "hello.jsp", "<%@ page contentType=\"text/plain\" %>hello from a JSP\n".getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> s = Files.walk(classes.resolve(PACKAGE))) {
                for (Path c : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    put(zip, "WEB-INF/classes/" + classes.relativize(c).toString().replace('\\', '/'), Files.readAllBytes(c));
                }
            }
            if (guarded) {
                try (Stream<Path> s = Files.list(TestWar.lib())) {
                    List<Path> jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
                    if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("methodguard-"))) {
                        throw new IllegalStateException("no methodguard jar in " + TestWar.lib() + " (run through Maven: mvn verify)");
                    }
                    for (Path jar : jars) {
                        put(zip, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
                    }
                }
            }
        }
        return war;
    }

    /** Not metadata-complete: the server scans the classes for {@code @ApplicationPath}, {@code @Path} and {@code @WebServlet}. */
    static String webXml(boolean guarded) {
        String filter = !guarded ? "" : """
                  <filter>
                    <filter-name>methodGuard</filter-name>
                    <filter-class>dev.methodguard.MethodGuardFilter</filter-class>
                  </filter>
                  <filter-mapping>
                    <filter-name>methodGuard</filter-name>
                    <url-pattern>/*</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                  </filter-mapping>
                """;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s  <welcome-file-list><welcome-file>index.html</welcome-file></welcome-file-list>
                </web-app>
                """.formatted(filter);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
