package dev.methodguard;

import org.apache.catalina.startup.Tomcat;

/**
 * {@link LoadContract} on embedded Tomcat 11 (run by the failsafe execution {@code tomcat-11}). Tomcat
 * closes the connection after each of MethodGuard's 501s (and after the 100th request on a connection),
 * announcing {@code Connection: close}: checked by the contract, the client reconnects. Tomcat logs to JUL,
 * like MethodGuard: the whole JUL tree must stay free of warnings during the run.
 */
class LoadTomcatIT extends LoadContract {
    TestTomcat tomcat;

    @Override
    protected Server start(TestServlets.GetPost servlet) throws Exception {
        tomcat = TestTomcat.start(FILTER_PARAMS, (t, context, baseDir) -> {
            Tomcat.addServlet(context, "items", servlet);
            context.addServletMappingDecoded("/items/*", "items");
        });
        return new Server() {
            @Override
            public int port() {
                return tomcat.port();
            }

            @Override
            public void close() throws Exception {
                tomcat.close();
            }
        };
    }

    @Override
    protected Warnings captureWarnings() {
        return julWarnings();
    }

    @Override
    protected String container() {
        return "tomcat-11";
    }

    @Override
    protected boolean closesConnectionAfter(int status, int nth) {
        return tomcat.closesConnectionAfter(status, nth);
    }
}
