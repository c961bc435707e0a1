package dev.methodguard;

import java.util.logging.Level;

/**
 * {@link LoadContract} on real Jetty 12.1 (ee10 or ee11): Jetty keeps every connection open, and both its
 * own log and JUL (where MethodGuard logs) must stay free of warnings.
 */
class LoadIT extends LoadContract {
    @Override
    protected Server start(TestServlets.GetPost servlet) throws Exception {
        TestJetty.App app = TestJetty.app()
                .servlet("items", servlet, "/items/*")
                .filter(new MethodGuardFilter());
        FILTER_PARAMS.forEach(app::filterParam);
        TestJetty jetty = app.start();
        return new Server() {
            @Override
            public int port() {
                return jetty.port;
            }

            @Override
            public void close() throws Exception {
                jetty.close();
            }
        };
    }

    @Override
    protected Warnings captureWarnings() {
        return warnings(CapturedLogs.start("", Level.WARNING));
    }

    @Override
    protected String container() {
        return "jetty-" + TestJetty.EE;
    }

    @Override
    protected boolean closesConnectionAfter(int status, int nth) {
        return false;
    }
}
