package dev.methodguard.it.containers;

import dev.methodguard.FuzzContract;
import dev.methodguard.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The root's {@link FuzzContract} (10,000 seeded raw-socket requests) against standalone WildFly 39: the
 * contract's servlets ({@link FuzzContract.Recording} as items, admin and open, with the contract's
 * {@code methodguard.allowed-methods}) and MethodGuard with {@link FuzzContract#FILTER_PARAMS} in a WAR this
 * test builds, deployed at /fuzz. WildFly specifics:
 * <ul>
 * <li>Whether a servlet ran is known only inside WildFly: after each request the test asks the WAR's
 * {@link FuzzContract.Served} endpoint (on another connection, to the default listener), which answers the
 * names of the Recording servlets that served that request id and forgets them. Every invariant of the
 * contract is checked as in process.
 * <li>Undertow's default HTTP listener answers TRACE itself (405, no Allow) before any filter; the fuzzing
 * goes to the second listener {@link WildFly} sets up with {@code disallowed-methods=""}, so TRACE reaches
 * MethodGuard as on Jetty and Tomcat (allowTrace) and gets MethodGuard's answer.
 * <li>Undertow treats {@code head}, {@code hEad}... as HEAD: no body whatever the headers say
 * ({@link #headLike}); the contract already expects MethodGuard's answer to them to be empty.
 * <li>The fuzzed targets are all paths, so CONNECT reaches the filter (Undertow answers only
 * {@code CONNECT host:port} itself); Undertow then closes the connection, announcing it, whatever the status.
 * </ul>
 */
class FuzzWildFlyIT extends FuzzContract {
    static final String ALLOWED_METHODS = "methodguard.allowed-methods";
    static WildFly wildfly;
    static Socket served;
    static InputStream servedIn;

    @BeforeAll
    static void start() throws Exception {
        Path war = TestWar.build("fuzz.war", FILTER_PARAMS, List.of(
                new TestWar.Servlet("items", Recording.class, "/items/*", Map.of(ALLOWED_METHODS, ITEMS_ALLOWED)),
                new TestWar.Servlet("admin", Recording.class, "/admin/*", Map.of(ALLOWED_METHODS, ADMIN_ALLOWED)),
                new TestWar.Servlet("open", Recording.class, "/open/*", Map.of()),
                new TestWar.Servlet("served", Served.class, "/served", Map.of())));
        wildfly = new WildFly("wildfly-fuzz");
        wildfly.start(List.of(war));
        wildfly.awaitReady(List.of("/fuzz/served?id=none"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (served != null) {
                served.close();
            }
        } finally {
            if (wildfly != null) {
                wildfly.close();
            }
        }
    }

    @Override
    protected int port() {
        return wildfly.tracePort();
    }

    @Override
    protected String container() {
        return "wildfly";
    }

    @Override
    protected String basePath() {
        return "/fuzz";
    }

    @Override
    protected boolean closesConnectionAfter(int status, int nth) {
        return false;
    }

    /** Undertow closes the connection (announcing it) after its response to any CONNECT, whoever answers it. */
    @Override
    protected boolean closesConnectionAfter(String method, int status, int nth) {
        return method.equals("CONNECT");
    }

    @Override
    protected boolean headLike(String method) {
        return method.equalsIgnoreCase("HEAD");
    }

    /** Asks the WAR's Served endpoint, on a keep-alive connection of its own to the default listener. */
    @Override
    protected Set<String> takeServed(String id) throws IOException {
        if (served == null) {
            served = new Socket(InetAddress.getLoopbackAddress(), wildfly.port());
            served.setSoTimeout(10_000);
            served.setTcpNoDelay(true);
            servedIn = served.getInputStream();
        }
        OutputStream out = served.getOutputStream();
        out.write(("GET /fuzz/served?id=" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RawHttp.Response r = RawHttp.read(servedIn, false);
        if (r.status() != 200) {
            throw new IllegalStateException("the Served endpoint answered " + r.statusLine() + " " + r.body());
        }
        String connection = r.header("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            served.close();
            served = null;
        }
        return r.body().isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(r.body().split(",")));
    }
}
