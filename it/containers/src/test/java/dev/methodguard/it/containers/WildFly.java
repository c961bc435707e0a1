package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WildFly (Undertow) from wildfly-dist: JBOSS_HOME is the unpacked tar.gz, jboss.server.base.dir a fresh
 * directory with a copy of the shipped standalone/configuration and the WARs in its deployments/ (deployed
 * at boot). standalone.xml is used as shipped (but for the TRACE listener below); every port it opens is given on the command line as a
 * system property the shipped file reads: HTTP, HTTPS and management HTTP on free ports of 127.0.0.1
 * (jboss.bind.address and jboss.bind.address.management), and management HTTPS and AJP too although
 * standalone.xml opens no listener on them. The JVM is started the way bin/standalone.sh starts it, without
 * the script, so that its PID is the server's.
 *
 * <p>Undertow's HTTP listener refuses TRACE itself ({@code disallowed-methods} defaults to TRACE), before any
 * filter. So that MethodGuard's own answer to TRACE can be probed too, standalone.xml gets one addition: a
 * second HTTP listener, on another free port of 127.0.0.1, with {@code disallowed-methods=""}.
 */
final class WildFly extends Container {
    private static final String LISTENER = "<http-listener name=\"default\" socket-binding=\"http\"";
    private static final String BINDING = "<socket-binding name=\"http\" port=\"${jboss.http.port:8080}\"/>";
    private int tracePort;

    WildFly(String name) {
        super(name, servers().resolve(System.getProperty("methodguard.it.wildfly", "wildfly")));
    }

    /** The second HTTP listener, which lets TRACE through to the application. */
    int tracePort() {
        return tracePort;
    }

    @Override
    List<Integer> morePorts() {
        return List.of(tracePort);
    }

    @Override
    String marker() {
        return "jboss-modules.jar";
    }

    @Override
    void prepare(int port, List<Path> wars) throws IOException {
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (var files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()));
            }
        }
        String xml = Files.readString(configuration.resolve("standalone.xml"), StandardCharsets.UTF_8);
        for (String expected : List.of(LISTENER, BINDING, "${jboss.http.port:8080}", "${jboss.https.port:8443}", "${jboss.management.http.port:9990}",
                "${jboss.management.https.port:9993}", "${jboss.bind.address:127.0.0.1}", "${jboss.bind.address.management:127.0.0.1}")) {
            if (!xml.contains(expected)) {
                throw new IllegalStateException(name + ": standalone.xml no longer reads " + expected);
            }
        }
        tracePort = freePort();
        xml = xml.replace(BINDING, BINDING + "\n        <socket-binding name=\"http-trace\" port=\"" + tracePort + "\"/>");
        int listener = xml.indexOf(LISTENER);
        xml = xml.substring(0, listener) + "<http-listener name=\"trace\" socket-binding=\"http-trace\" disallowed-methods=\"\"/>\n                "
                + xml.substring(listener);
        Files.writeString(configuration.resolve("standalone.xml"), xml, StandardCharsets.UTF_8);
        Files.createDirectories(base.resolve("log"));
        Files.createDirectories(base.resolve("tmp"));
        copyInto(base.resolve("deployments"), wars);
    }

    @Override
    List<String> command() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-D[Standalone]"));
        cmd.addAll(JVM_OPTIONS);
        // What bin/common.sh adds for a modular JDK.
        cmd.addAll(List.of(
                "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
                "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.management/javax.management=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming=ALL-UNNAMED",
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Dorg.jboss.boot.log.file=" + base.resolve("log/server.log"),
                "-Dlogging.configuration=file:" + base.resolve("configuration/logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home,
                "-Djboss.server.base.dir=" + base,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + port(),
                "-Djboss.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort(),
                "-Djboss.management.http.port=" + freePort(),
                "-Djboss.management.https.port=" + freePort()));
        return cmd;
    }

    /** WFLYSRV0025 "started in", or WFLYSRV0026 "started (with errors)": after the boot-time deployments. */
    @Override
    boolean deployed() throws IOException {
        String log = log();
        return log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026");
    }

    /** log/server.log of the base directory (standalone/configuration/logging.properties as shipped). */
    @Override
    String log() throws IOException {
        Path log = base.resolve("log/server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
