package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eclipse Jetty 12.1 from jetty-home: JETTY_HOME is the unpacked tar.gz, JETTY_BASE a fresh directory
 * made by Jetty's own {@code start.jar --add-modules=http,<ee>-deploy,<ee>-annotations} (annotations so
 * that {@code @WebServlet}/{@code @WebFilter} are scanned; optionally {@code <ee>-jsp}), with the WARs in
 * its webapps/.
 *
 * <p>Jetty's etc/webdefault-&lt;ee&gt;.xml refuses TRACE with a security constraint, before any filter. So
 * that MethodGuard's own answer to TRACE can be probed too, each WAR is deployed a second time, as
 * {@code <name>-trace.war} with a {@code <name>-trace.properties} beside it that points its defaults
 * descriptor at a copy of webdefault without those two TRACE constraints; the first deployment of each
 * WAR stays exactly as Jetty ships.
 */
final class Jetty extends Container {
    private final String ee;
    private final boolean jsp;

    /** {@code jsp}: also enable Jetty's {@code <ee>-jsp} module (Apache Jasper). */
    Jetty(String name, String ee, boolean jsp) {
        super(name, servers().resolve(System.getProperty("methodguard.it.jetty", "jetty-home")));
        this.ee = ee;
        this.jsp = jsp;
    }

    @Override
    String marker() {
        return "start.jar";
    }

    @Override
    void prepare(int port, List<Path> wars) throws IOException, InterruptedException {
        run(base, List.of(java(), "-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                "--add-modules=http," + ee + "-deploy," + ee + "-annotations" + (jsp ? "," + ee + "-jsp" : "")), Duration.ofSeconds(60));
        Files.createDirectories(base.resolve("temp"));
        Path webapps = base.resolve("webapps");
        copyInto(webapps, wars);
        String webdefault = Files.readString(home.resolve("etc/webdefault-" + ee + ".xml"), StandardCharsets.UTF_8);
        Matcher constraints = Pattern.compile("(?s)\\s*<security-constraint>.*?</security-constraint>").matcher(webdefault);
        int n = 0;
        StringBuilder withoutTraceBlock = new StringBuilder();
        while (constraints.find()) {
            if (!constraints.group().contains("TRACE")) {
                throw new IllegalStateException(name + ": unexpected security-constraint in webdefault: " + constraints.group());
            }
            constraints.appendReplacement(withoutTraceBlock, "");
            n++;
        }
        constraints.appendTail(withoutTraceBlock);
        if (n != 2) {
            throw new IllegalStateException(name + ": expected webdefault's two TRACE constraints, found " + n);
        }
        Path traceDefaults = base.resolve("etc/webdefault-" + ee + "-trace.xml");
        Files.createDirectories(traceDefaults.getParent());
        Files.writeString(traceDefaults, withoutTraceBlock, StandardCharsets.UTF_8);
        for (Path war : wars) {
            if (!ContainerContract.PROBED_WARS.contains(war.getFileName().toString())) {
                continue; // e.g. the broken WAR: deployed once, as it is
            }
            String trace = war.getFileName().toString().replaceFirst("\\.war$", "") + "-trace";
            Files.copy(war, webapps.resolve(trace + ".war"));
            // Jetty 12.1 reads <app>.properties beside <app>.war into the deployment's attributes.
            Files.writeString(webapps.resolve(trace + ".properties"),
                    "jetty.deploy.defaultsDescriptor=" + traceDefaults + "\n", StandardCharsets.UTF_8);
        }
    }

    @Override
    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(JVM_OPTIONS);
        // Jetty unpacks each WAR into java.io.tmpdir: keep that under target/ too.
        cmd.add("-Djava.io.tmpdir=" + base.resolve("temp"));
        cmd.addAll(List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port()));
        return cmd;
    }

    /** Jetty logs "Started oejs.Server@..." once its deployer has deployed what webapps/ held at startup. */
    @Override
    boolean deployed() {
        return console().contains("Started oejs.Server@");
    }

    @Override
    boolean jsp() {
        return jsp;
    }

    /** Jetty logs to standard error by default (and java.util.logging's console handler too). */
    @Override
    String log() throws IOException {
        return console();
    }
}
