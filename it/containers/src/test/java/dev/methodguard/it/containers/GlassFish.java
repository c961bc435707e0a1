package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Eclipse GlassFish or Payara Server (a GlassFish derivative) from its zip: the domain is a fresh copy of
 * the shipped glassfish/domains/domain1 under the base directory, in whose domain.xml only the
 * {@code server-config} is changed: every listener (HTTP, HTTPS, admin, the three IIOP listeners, the JMX
 * connector) on 127.0.0.1 and a free port, the OSGi shell's telnet port and the JMS port free ports too,
 * the JMS service {@code REMOTE} (the embedded broker's lazy listener otherwise binds all interfaces; nothing
 * here uses JMS), Payara's Hazelcast data grid disabled, a smaller heap, and one more HTTP listener (127.0.0.1,
 * free port) whose protocol has {@code trace-enabled="true"}: the web container refuses TRACE itself on
 * the others, before any filter, and there MethodGuard's own answer is probed. The WARs go into the domain's
 * autodeploy/ directory. The server JVM is started directly, with the command line that
 * {@code asadmin start-domain --dry-run} prints, so that its PID is the server's (no asadmin, no watchdog).
 */
final class GlassFish extends Container {
    private static final String DOMAIN = "domain1";
    private final String product;
    private List<String> wars = List.of();
    private int tracePort;

    /** {@code product}: "glassfish7" or "payara6", the top directory of the zip. */
    GlassFish(String name, String product) {
        super(name, servers().resolve(product));
        this.product = product;
    }

    @Override
    String marker() {
        return "glassfish/modules/glassfish.jar";
    }

    /** The HTTP listener with trace-enabled="true". */
    int tracePort() {
        return tracePort;
    }

    @Override
    List<Integer> morePorts() {
        return List.of(tracePort);
    }

    private Path domain() {
        return base.resolve(DOMAIN);
    }

    @Override
    void prepare(int port, List<Path> wars) throws IOException {
        this.wars = wars.stream().map(w -> w.getFileName().toString()).toList();
        copyTree(home.resolve("glassfish/domains/" + DOMAIN), domain());
        Path domainXml = domain().resolve("config/domain.xml");
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        int start = xml.indexOf("<config name=\"server-config\">");
        int end = xml.indexOf("</config>", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException(name + ": no server-config in " + domainXml);
        }
        String config = xml.substring(start, end);
        config = replaceEach(config, "<network-listener [^>]*>", tag -> {
            String t = tag.replaceAll("\\saddress=\"[^\"]*\"", "");
            int p = tag.contains("name=\"http-listener-1\"") ? port : freePortUnchecked();
            return t.replaceFirst("\\sport=\"[^\"]*\"", " port=\"" + p + "\" address=\"127.0.0.1\"");
        });
        config = replaceEach(config, "<(iiop-listener|jmx-connector) [^>]*>", tag -> tag
                .replaceFirst("\\saddress=\"[^\"]*\"", " address=\"127.0.0.1\"")
                .replaceFirst("\\sport=\"[^\"]*\"", " port=\"" + freePortUnchecked() + "\""));
        config = replaceEach(config, "name=\"JMS_PROVIDER_PORT\" value=\"\\d+\"", tag -> "name=\"JMS_PROVIDER_PORT\" value=\"" + freePortUnchecked() + "\"");
        config = replaceEach(config, "-Dosgi\\.shell\\.telnet\\.port=\\d+", tag -> "-Dosgi.shell.telnet.port=" + freePortUnchecked());
        config = config.replace("<jvm-options>-Xmx512m</jvm-options>", "<jvm-options>-Xmx384m</jvm-options>")
                .replace("<hazelcast-config-specific-configuration>", "<hazelcast-config-specific-configuration enabled=\"false\">");
        // A third HTTP listener whose protocol has trace-enabled="true": there TRACE reaches the application.
        tracePort = freePort();
        String protocols = "<protocols>";
        String listeners = "<network-listeners>";
        String virtualServer = "<virtual-server id=\"server\" network-listeners=\"http-listener-1,http-listener-2\"";
        for (String expected : List.of(protocols, listeners, virtualServer)) {
            if (!config.contains(expected)) {
                throw new IllegalStateException(name + ": server-config has no " + expected);
            }
        }
        config = config.replace(protocols, protocols + "\n<protocol name=\"http-trace\"><http default-virtual-server=\"server\""
                        + " max-connections=\"250\" trace-enabled=\"true\"><file-cache enabled=\"false\"></file-cache></http></protocol>")
                .replace(listeners, listeners + "\n<network-listener port=\"" + tracePort + "\" address=\"127.0.0.1\" protocol=\"http-trace\""
                        + " transport=\"tcp\" name=\"http-trace\" thread-pool=\"http-thread-pool\"></network-listener>")
                .replace(virtualServer, virtualServer.replace("http-listener-2", "http-listener-2,http-trace"));
        if (config.contains("<jms-service")) {
            config = config.replaceFirst("(<jms-service [^>]*type=\")EMBEDDED\"", "$1REMOTE\"");
        } else {
            config += "  <jms-service type=\"REMOTE\" default-jms-host=\"default_JMS_host\">"
                    + "<jms-host name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"${JMS_PROVIDER_PORT}\"></jms-host></jms-service>\n  ";
        }
        for (String expected : List.of("name=\"http-listener-1\"", "name=\"admin-listener\"", "<jmx-connector", "id=\"orb-listener-1\"")) {
            if (!config.contains(expected)) {
                throw new IllegalStateException(name + ": server-config has no " + expected);
            }
        }
        if (Pattern.compile("address=\"0\\.0\\.0\\.0\"").matcher(config).find()) {
            throw new IllegalStateException(name + ": a listener of server-config still binds 0.0.0.0:\n" + config);
        }
        Files.writeString(domainXml, xml.substring(0, start) + config + xml.substring(end), StandardCharsets.UTF_8);
        copyInto(domain().resolve("autodeploy"), wars);
    }

    private static String replaceEach(String s, String regex, java.util.function.UnaryOperator<String> f) {
        Matcher m = Pattern.compile(regex).matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m.group())));
        }
        return m.appendTail(b).toString();
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JVM command line of {@code asadmin start-domain --dry-run}, run as it is (plus the small-JVM options). */
    @Override
    List<String> command() throws IOException, InterruptedException {
        String out = run(base, List.of(home.resolve("bin/asadmin").toString(), "start-domain", "--dry-run", "--domaindir", base.toString(), DOMAIN),
                Map.of("AS_JAVA", System.getProperty("java.home")), Duration.ofSeconds(60));
        List<String> lines = out.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Dump of JVM Invocation line")) {
                from = i + 1;
            }
        }
        if (from < 0) {
            throw new IllegalStateException(name + ": unexpected output of asadmin start-domain --dry-run:\n" + out);
        }
        List<String> cmd = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            if (line.startsWith("Command start-domain")) {
                break;
            }
            if (!line.isBlank()) {
                cmd.add(line.strip());
            }
        }
        cmd.addAll(1, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // GlassFish 7's asadmin leaves logs/server.log.lck behind (its launcher logs there); the server would
        // then find server.log locked and log to standard output instead. asadmin has exited: the lock is stale.
        Files.deleteIfExists(domain().resolve("logs/server.log.lck"));
        return cmd;
    }

    /**
     * Every WAR in autodeploy/ has its marker ({@code <war>_deployed} or {@code <war>_deployFailed}) and the
     * log has the autodeployer's line for it ("[AutoDeploy] Successfully autodeployed : ..." or "...
     * failed ..."): the log is written asynchronously, the marker alone may come before the records of the
     * deployment (MethodGuard's table among them) are in it.
     */
    @Override
    boolean deployed() throws IOException {
        Path autodeploy = domain().resolve("autodeploy");
        if (!wars.stream().allMatch(w -> Files.exists(autodeploy.resolve(w + "_deployed")) || Files.exists(autodeploy.resolve(w + "_deployFailed")))) {
            return false;
        }
        String log = log();
        return wars.stream().allMatch(w -> Pattern.compile("\\[AutoDeploy\\][^\\n]*(autodeployed|failed)[^\\n]*"
                + Pattern.quote(autodeploy.resolve(w).toString()), Pattern.CASE_INSENSITIVE).matcher(log).find());
    }

    /**
     * The domain's logs/server.log (ODL format: every record's message lines indented by two spaces), then
     * the server's standard output, where GlassFish writes its log instead (in its "[#|...|#]" format) when
     * it finds server.log locked (see {@link #command()}).
     */
    @Override
    String log() throws IOException {
        Path log = domain().resolve("logs/server.log");
        return (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "") + "\n" + console();
    }

    /** The first start of a domain takes its time: twice the usual bound. */
    @Override
    Duration startTimeout() {
        return START_TIMEOUT.multipliedBy(2);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + product + ")";
    }
}
