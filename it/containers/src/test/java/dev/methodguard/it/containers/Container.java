package dev.methodguard.it.containers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One unmodified standalone container distribution (unpacked by the build under target/servers), run as
 * a separate JVM from a fresh base directory of its own, with the example WARs copied into its webapps/.
 * Every wait is bounded; {@link #close()} stops it (SIGTERM) and kills it when it does not stop in time.
 */
abstract class Container implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("methodguard.it.startTimeout", 180));
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
    private long started;

    Container(String name, Path home) {
        this.name = name;
        this.home = home;
        this.base = work().resolve(name);
        if (!Files.isRegularFile(home.resolve(marker()))) {
            throw new IllegalStateException(name + ": no distribution at " + home + " (run through Maven: mvn verify)");
        }
    }

    static Path servers() {
        return Path.of(System.getProperty("methodguard.it.servers", "target/servers")).toAbsolutePath();
    }

    /** Where the containers' base directories (and files the tests make, like the broken WAR) go. */
    static Path work() {
        return Path.of(System.getProperty("methodguard.it.work", "target/bases")).toAbsolutePath();
    }

    /** Whether the server, as set up here, has a JSP engine. */
    boolean jsp() {
        return true;
    }

    static Path war(String fileName) {
        return Path.of(System.getProperty("methodguard.it.wars", "target/wars")).toAbsolutePath().resolve(fileName);
    }

    /** A file that proves {@link #home} is the unpacked distribution. */
    abstract String marker();

    /** Creates {@link #base} for a server listening on 127.0.0.1:{@code port} and deploys the WARs into it. */
    abstract void prepare(int port, List<Path> wars) throws IOException, InterruptedException;

    /** The command that runs the server in the foreground from {@link #base}. */
    abstract List<String> command() throws IOException, InterruptedException;

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

    /** Environment variables the server process needs on top of this JVM's. */
    Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Whether the server has said, in its log or its files, that it has started and finished deploying the
     * WARs it found at startup (successfully or not). Read without any HTTP request: the probes check what
     * the log holds at that moment, before the first request.
     */
    abstract boolean deployed() throws IOException;

    /** Waits until something accepts TCP connections on 127.0.0.1:{@code p} (a connection, no request). */
    private void awaitListening(int p, long deadline) throws InterruptedException {
        while (true) {
            checkAlive(":" + p + " listening", deadline);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
    }

    private void checkAlive(String what, long deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + what + ":\n" + tail());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(name + ": " + what + " not within " + startTimeout() + ":\n" + tail());
        }
    }

    /** How long the start (boot, deployment of every WAR, first HTTP answers) may take at most. */
    Duration startTimeout() {
        return START_TIMEOUT;
    }

    /**
     * Starts the server with {@code wars} deployed and waits (bounded by {@link #startTimeout()}) until it
     * says it has deployed them ({@link #deployed()}) and its ports accept connections. No HTTP request is
     * sent: see {@link #awaitReady}.
     */
    void start(List<Path> wars) throws IOException, InterruptedException {
        deleteTree(base);
        Files.createDirectories(base);
        port = freePort();
        started = System.nanoTime();
        prepare(port, wars);
        console = base.resolve("console.log");
        ProcessBuilder pb = new ProcessBuilder(command()).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().putAll(environment());
        process = pb.start();
        killer = new Thread(this::kill, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer); // the test JVM dying must not leave a server behind
        long deadline = started + startTimeout().toNanos();
        while (!deployed()) {
            checkAlive("the deployment of " + wars.stream().map(Path::getFileName).toList(), deadline);
            Thread.sleep(200);
        }
        for (int p : ports()) {
            awaitListening(p, deadline);
        }
        System.out.printf("%s: deployed after %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    /** Waits until {@code readyPaths} all answer 200 on every HTTP port, within what is left of {@link #startTimeout()}. */
    void awaitReady(List<String> readyPaths) throws InterruptedException {
        long deadline = started + startTimeout().toNanos();
        for (int p : ports()) {
            for (String path : readyPaths) {
                awaitReady(p, path, deadline);
            }
        }
        System.out.printf("%s: ready after %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    private List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(List.of(port));
        ports.addAll(morePorts());
        return ports;
    }

    private void awaitReady(int p, String path, long deadline) throws InterruptedException {
        while (true) {
            checkAlive(":" + p + path + " answering 200", deadline);
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

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * The local addresses ({@code address:port}, as /proc shows them, hex) on which the server process or
     * one of its descendants listens, read from /proc (Linux); empty where there is no /proc.
     */
    List<String> listening() throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self/fd"))) {
            return List.of();
        }
        Set<String> inodes = new HashSet<>();
        List<ProcessHandle> processes = new ArrayList<>(List.of(process.toHandle()));
        processes.addAll(process.descendants().toList());
        for (ProcessHandle h : processes) {
            try (Stream<Path> fds = Files.list(proc.resolve(h.pid() + "/fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listing
                    }
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path f = proc.resolve("net/" + table);
            if (!Files.exists(f)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f); // read once: the table changes all the time
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] cols = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                if (cols.length > 9 && cols[3].equals("0A") && inodes.contains(cols[9])) {
                    listening.add(cols[1]);
                }
            }
        }
        return listening;
    }

    /** Whether a local address of /proc/net/tcp{,6} (hex, little-endian words) is on the loopback interface. */
    static boolean loopback(String hexAddressAndPort) {
        String hex = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (hex.length() == 8) {
            return hex.endsWith("7F"); // 127.x.y.z: the first byte is the last pair
        }
        return hex.equals("00000000000000000000000001000000") // ::1
                || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"); // ::ffff:127.x.y.z
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

    /** Runs a short command (e.g. creating a Jetty base) with a bounded wait; fails with its output, returns it. */
    static String run(Path dir, List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(dir, command, Map.of(), timeout);
    }

    static String run(Path dir, List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cmd", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeout + ": " + command + "\n" + Files.readString(out));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + Files.readString(out));
        }
        return Files.readString(out);
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
