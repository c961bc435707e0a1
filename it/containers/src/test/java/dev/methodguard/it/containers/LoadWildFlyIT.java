package dev.methodguard.it.containers;

import dev.methodguard.LoadContract;
import dev.methodguard.RawHttp;
import dev.methodguard.TestServlets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The root's {@link LoadContract} (32 concurrent keep-alive clients, 200 requests each) against standalone
 * WildFly 39: {@link LoadContract.Items} (a {@link TestServlets.GetPost}) on /items/* and MethodGuard with
 * {@link LoadContract#FILTER_PARAMS} in a WAR this test builds, deployed at /load. The servlet runs in
 * WildFly's JVM: its calls are read from the WAR's {@link LoadContract.Calls} endpoint after the run; the
 * warnings are the WARN and ERROR records WildFly's server.log gained during the run.
 */
class LoadWildFlyIT extends LoadContract {
    /** A record of WildFly's log format as shipped: "date time LEVEL [category] (thread) message". */
    static final Pattern WARNING = Pattern.compile("^\\S+ \\S+ (WARN|ERROR|FATAL) .*");
    WildFly wildfly;

    @Override
    protected Server start(TestServlets.GetPost inProcess) throws Exception {
        Path war = TestWar.build("load.war", FILTER_PARAMS, List.of(
                new TestWar.Servlet("items", Items.class, "/items/*", java.util.Map.of()),
                new TestWar.Servlet("calls", Calls.class, "/calls", java.util.Map.of())));
        WildFly w = new WildFly("wildfly-load");
        wildfly = w;
        try {
            w.start(List.of(war));
            w.awaitReady(List.of("/load/calls"));
        } catch (Exception | Error e) {
            w.close();
            throw e;
        }
        return new Server() {
            @Override
            public int port() {
                return w.port();
            }

            @Override
            public int servletCalls(TestServlets.GetPost ignored) throws IOException {
                RawHttp.Response r = RawHttp.send(w.port(), "GET", "/load/calls");
                if (r.status() != 200) {
                    throw new IllegalStateException("the Calls endpoint answered " + r.statusLine() + " " + r.body());
                }
                return Integer.parseInt(r.body().trim());
            }

            @Override
            public void close() throws Exception {
                w.close();
            }
        };
    }

    @Override
    protected Warnings captureWarnings() {
        int from = log().length();
        return new Warnings() {
            @Override
            public List<String> warnings() {
                return log().substring(from).lines().filter(l -> WARNING.matcher(l).matches()).toList();
            }

            @Override
            public void close() {
            }
        };
    }

    private String log() {
        try {
            return wildfly.log();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String container() {
        return "wildfly";
    }

    @Override
    protected String basePath() {
        return "/load";
    }

    @Override
    protected boolean closesConnectionAfter(int status, int nth) {
        return false;
    }
}
