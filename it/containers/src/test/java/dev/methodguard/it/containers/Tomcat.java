package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Apache Tomcat from its binary distribution: CATALINA_HOME is the unpacked zip, CATALINA_BASE a fresh
 * directory with a copy of its conf/, in which server.xml differs only in the ports: the stock HTTP
 * connector on 127.0.0.1 and a free port, the shutdown port disabled (-1; the test stops it with
 * SIGTERM), and one more connector, on another free port, with {@code allowTrace="true"}: Tomcat's
 * connectors refuse TRACE themselves by default, before any filter, and this one lets it reach MethodGuard.
 */
final class Tomcat extends Container {
    private int tracePort;
    Tomcat(String name, String distribution) {
        super(name, servers().resolve(distribution));
    }

    @Override
    String marker() {
        return "bin/bootstrap.jar";
    }

    /** The connector with {@code allowTrace="true"}. */
    int tracePort() {
        return tracePort;
    }

    @Override
    List<Integer> morePorts() {
        return List.of(tracePort);
    }

    @Override
    void prepare(int port, List<Path> wars) throws IOException {
        tracePort = freePort();
        Path conf = base.resolve("conf");
        Files.createDirectories(conf);
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, conf.resolve(f.getFileName()));
            }
        }
        Path serverXml = conf.resolve("server.xml");
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        String shutdown = "<Server port=\"8005\" shutdown=\"SHUTDOWN\">";
        String connector = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";
        String serviceEnd = "</Service>";
        if (!xml.contains(shutdown) || !xml.contains(connector) || xml.indexOf(serviceEnd) != xml.lastIndexOf(serviceEnd)) {
            throw new IllegalStateException(name + ": server.xml does not have the stock shutdown port or HTTP connector");
        }
        xml = xml.replace(shutdown, "<Server port=\"-1\" shutdown=\"SHUTDOWN\">")
                .replaceFirst(connector, "<Connector address=\"127.0.0.1\" port=\"" + port + "\" protocol=\"HTTP/1.1\"")
                .replace(serviceEnd, "  <Connector address=\"127.0.0.1\" port=\"" + tracePort + "\" protocol=\"HTTP/1.1\" allowTrace=\"true\"/>\n  "
                        + serviceEnd);
        Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
        for (String dir : List.of("logs", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        copyInto(base.resolve("webapps"), wars);
    }

    /** What bin/catalina.sh runs, without the script. */
    @Override
    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of(
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Dcatalina.home=" + home,
                "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-classpath", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        return cmd;
    }

    /** Catalina logs "Server startup in [n] milliseconds" after the connectors are up and the webapps/ WARs deployed. */
    @Override
    boolean deployed() throws IOException {
        return log().contains("Server startup in");
    }

    /**
     * Tomcat's own log files (conf/logging.properties as shipped): logs/catalina.YYYY-MM-DD.log, then
     * logs/localhost.YYYY-MM-DD.log, where the host logs what fails in a web application's start (a filter
     * whose init() throws).
     */
    @Override
    String log() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String prefix : List.of("catalina.", "localhost.")) {
            try (Stream<Path> files = Files.list(base.resolve("logs"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                    b.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return b.toString();
    }
}
