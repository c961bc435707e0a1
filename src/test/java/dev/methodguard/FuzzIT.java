package dev.methodguard;

import org.eclipse.jetty.logging.JettyLevel;
import org.eclipse.jetty.logging.JettyLogger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * {@link FuzzContract} on real Jetty 12.1 (ee10 or ee11). Jetty keeps the connection open after every
 * response MethodGuard gives (405, 501, OPTIONS) and after every served request.
 */
class FuzzIT extends FuzzContract {
    static TestJetty jetty;
    /**
     * Jetty logs a WARN "Bad Authority" for each hostile target it refuses with 400, some hundreds a run: the
     * refusal this test expects and checks itself (CONTAINER_REFUSALS). That logger is set to ERROR for the
     * run, so the build log keeps only what is unexpected.
     */
    static final JettyLogger HOST_PORT = (JettyLogger) LoggerFactory.getLogger("org.eclipse.jetty.util.HostPort");
    static JettyLevel hostPortLevel;
    /**
     * Once in a few runs Jetty 12.1.14's thread pool logs a WARN "Job failed ... already released" from
     * HttpConnection.releaseRequestBuffer, with a stack trace, on a connection the fuzzer's hostile input made
     * Jetty abort (seen 2026-11-30, inside Jetty's own buffer handling, no MethodGuard frame). Every response is
     * still checked by this test; the trace is kept off the build log, as are the expected refusals above.
     */
    static final JettyLogger THREAD_POOL = (JettyLogger) LoggerFactory.getLogger("org.eclipse.jetty.util.thread.QueuedThreadPool");
    static JettyLevel threadPoolLevel;

    @BeforeAll
    static void start() throws Exception {
        hostPortLevel = HOST_PORT.getLevel();
        HOST_PORT.setLevel(JettyLevel.ERROR);
        threadPoolLevel = THREAD_POOL.getLevel();
        THREAD_POOL.setLevel(JettyLevel.ERROR);
        TestJetty.App app = TestJetty.app()
                .servlet("items", items, "/items/*")
                .servletParam("items", InitParams.SERVLET_ALLOWED_METHODS, ITEMS_ALLOWED)
                .servlet("admin", admin, "/admin/*")
                .servletParam("admin", InitParams.SERVLET_ALLOWED_METHODS, ADMIN_ALLOWED)
                .servlet("open", open, "/open/*")
                .filter(new MethodGuardFilter());
        FILTER_PARAMS.forEach(app::filterParam);
        jetty = app.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            jetty.close();
        } finally {
            HOST_PORT.setLevel(hostPortLevel);
            THREAD_POOL.setLevel(threadPoolLevel);
        }
    }

    @Override
    protected int port() {
        return jetty.port;
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
