package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Open Liberty from openliberty-runtime: WLP_INSTALL_DIR is the unpacked zip ({@code wlp/}), WLP_USER_DIR
 * a fresh directory with one server whose server.xml enables {@code servlet-6.0}, {@code pages-3.1} and {@code restfulWS-3.1} (for {@link JaxrsWar}),
 * has its HTTP endpoint on 127.0.0.1 and a free port and HTTPS disabled ({@code httpsPort="-1"}), and
 * whose bootstrap.properties disables the local command port ({@code command.port=-1}: the test stops
 * the server by its PID). The WARs go into its dropins/ (context root = file name). {@code bin/server run}
 * execs the JVM, so the PID is the server's.
 */
final class Liberty extends Container {
    static final String SERVER = "methodguard";
    private List<String> apps = List.of();

    Liberty(String name) {
        super(name, servers().resolve("wlp"));
    }

    @Override
    String marker() {
        return "bin/tools/ws-server.jar";
    }

    private Path server() {
        return base.resolve("servers").resolve(SERVER);
    }

    @Override
    void prepare(int port, List<Path> wars) throws IOException {
        apps = wars.stream().map(w -> w.getFileName().toString().replaceFirst("\\.war$", "")).toList();
        Files.createDirectories(server());
        Files.writeString(server().resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="MethodGuard containers-it">
                  <featureManager>
                    <feature>servlet-6.0</feature>
                    <feature>pages-3.1</feature>
                    <feature>restfulWS-3.1</feature>
                  </featureManager>
                  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                  <applicationManager autoExpand="true"/>
                </server>
                """.formatted(port), StandardCharsets.UTF_8);
        Files.writeString(server().resolve("bootstrap.properties"), "command.port=-1\n", StandardCharsets.UTF_8);
        Files.writeString(server().resolve("jvm.options"), String.join("\n", JVM_OPTIONS) + "\n", StandardCharsets.UTF_8);
        copyInto(server().resolve("dropins"), wars);
    }

    @Override
    Map<String, String> environment() {
        return Map.of("WLP_USER_DIR", base.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    @Override
    List<String> command() {
        return new ArrayList<>(List.of(home.resolve("bin/server").toString(), "run", SERVER));
    }

    /**
     * CWWKF0011I (the server is ready) and, for every WAR, CWWKZ0001I "Application x started", CWWKZ0012I
     * "The application x was not started" (a listener threw) or an error naming it (CWWKZ0002E and the like).
     */
    @Override
    boolean deployed() throws IOException {
        String log = log();
        return log.contains("CWWKF0011I") && apps.stream().allMatch(a -> log.contains("CWWKZ0001I: Application " + a + " started")
                || log.contains("CWWKZ0012I: The application " + a + " was not started")
                || Pattern.compile("CWWKZ\\d{4}E:[^\\n]*\\b" + Pattern.quote(a) + "\\b").matcher(log).find());
    }

    /** servers/&lt;name&gt;/logs/messages.log under WLP_USER_DIR. */
    @Override
    String log() throws IOException {
        Path log = server().resolve("logs/messages.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
