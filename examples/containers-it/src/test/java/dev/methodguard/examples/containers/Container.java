package dev.methodguard.examples.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One unmodified standalone container distribution (unpacked by the build under target/servers), run as
 * a separate JVM from a fresh base directory of its own, with the example WARs copied into its webapps/.
 * Every wait is bounded; {@link #close()} stops it (SIGTERM) and kills it when it does not stop in time.
 */
abstract class Container implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Small, quick-starting JVMs: these servers serve a few dozen requests each. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    final String name;
    final Path home;
    final Path base;
    private int port;
    private Process process;
    private Path console;
    private Thread killer;

    Container(String name, Path home) {
        this.name = name;
        this.home = home;
        this.base = Path.of(System.getProperty("methodguard.it.work", "target/bases")).toAbsolutePath().resolve(name);
        if (!Files.isRegularFile(home.resolve(marker()))) {
            throw new IllegalStateException(name + ": no distribution at " + home + " (run through Maven: mvn verify)");
        }
    }

    static Path servers() {
        return Path.of(System.getProperty("methodguard.it.servers", "target/servers")).toAbsolutePath();
    }

    static Path war(String fileName) {
        return Path.of(System.getProperty("methodguard.it.wars", "target/wars")).toAbsolutePath().resolve(fileName);
    }

    /** A file that proves {@link #home} is the unpacked distribution. */
    abstract String marker();

    /** Creates {@link #base} for a server listening on 127.0.0.1:{@code port} and deploys the WARs into it. */
    abstract void prepare(int port, List<Path> wars) throws IOException, InterruptedException;

    /** The command that runs the server in the foreground from {@link #base}. */
    abstract List<String> command();

    /** Everything the server logged so far, where this container writes its log by default. */
    abstract String log() throws IOException;

    int port() {
        return port;
    }

    /** Further ports the server listens on, all probed for readiness like {@link #port()}. */
    List<Integer> morePorts() {
        return List.of();
    }

    /** Output of the server process (stdout and stderr), for failure messages. */
    String console() {
        try {
            return console == null || !Files.exists(console) ? "" : Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(console unreadable: " + e + ")";
        }
    }

    /** Starts the server and waits until {@code readyPaths} all answer 200, at most {@link #START_TIMEOUT}. */
    void start(List<Path> wars, List<String> readyPaths) throws IOException, InterruptedException {
        deleteTree(base);
        Files.createDirectories(base);
        port = freePort();
        prepare(port, wars);
        console = base.resolve("console.log");
        ProcessBuilder pb = new ProcessBuilder(command()).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        process = pb.start();
        killer = new Thread(this::kill, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer); // the test JVM dying must not leave a server behind
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<Integer> ports = new ArrayList<>(List.of(port));
        ports.addAll(morePorts());
        for (int p : ports) {
            for (String path : readyPaths) {
                awaitReady(p, path, deadline);
            }
        }
    }

    private void awaitReady(int p, String path, long deadline) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before :" + p + path + " was ready:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": :" + p + path + " not ready within " + START_TIMEOUT + ":\n" + tail());
            }
            try {
                if (Http.send(p, "GET", path).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
    }

    String tail() {
        String c = console();
        return c.length() > 6000 ? "..." + c.substring(c.length() - 6000) : c;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            System.err.println(name + " did not stop within " + STOP_TIMEOUT + "; killing it");
        }
        kill();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void kill() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a short command (e.g. creating a Jetty base) with a bounded wait; fails with its output. */
    static void run(Path dir, List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cmd", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeout + ": " + command + "\n" + Files.readString(out));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + Files.readString(out));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void copyInto(Path dir, List<Path> files) throws IOException {
        Files.createDirectories(dir);
        for (Path f : files) {
            Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
