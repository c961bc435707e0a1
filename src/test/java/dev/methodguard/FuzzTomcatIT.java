package dev.methodguard;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FuzzContract} on embedded Tomcat 11 (run by the failsafe execution {@code tomcat-11}). Tomcat
 * specifics, none of which loosens an invariant:
 * <ul>
 * <li>Its connector answers TRACE itself (405, before any filter) unless {@code allowTrace}: set here, so
 * that TRACE reaches MethodGuard as on Jetty and gets MethodGuard's 405/501.
 * <li>It closes the connection, announcing {@code Connection: close}, after every response whose status is
 * in its {@code statusDropsConnection} list (400, 408, 411, 413, 414, 500, 501, 503: so after each of
 * MethodGuard's 501s) and after the {@code maxKeepAliveRequests}-th request on a connection (100 by
 * default). The contract checks that exactly those responses announce the close and that the server then
 * really closes; the client reconnects.
 * <li>It answers CONNECT itself with its HTML 501 ("HTTP requests using the CONNECT method are not supported"), before any
 * filter, whatever the target: checked as the container's answer (no servlet ran, not MethodGuard's JSON).
 * <li>It logs the first request line or header it refuses (INFO "Error parsing HTTP request header...",
 * then at DEBUG for 24 hours): the refusal this test expects and checks itself. Such INFO records of
 * {@code org.apache.coyote.http11.Http11Processor} are held back during the run and counted in the printed stats; every
 * other record is printed as usual.
 * </ul>
 */
class FuzzTomcatIT extends FuzzContract {
    /** A strong reference: JUL keeps only weak ones. */
    static final Logger HTTP11_LOG = Logger.getLogger("org.apache.coyote.http11");
    static CapturedLogs holdBack;
    static TestTomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        holdBackRequestParsingReports();
        tomcat = TestTomcat.start(FILTER_PARAMS, (t, context, baseDir) -> {
            // Tomcat answers TRACE itself (405) unless allowed: allowed, so that TRACE reaches the filter.
            t.getConnector().setAllowTrace(true);
            Tomcat.addServlet(context, "items", items).addInitParameter(InitParams.SERVLET_ALLOWED_METHODS, ITEMS_ALLOWED);
            context.addServletMappingDecoded("/items/*", "items");
            Tomcat.addServlet(context, "admin", admin).addInitParameter(InitParams.SERVLET_ALLOWED_METHODS, ADMIN_ALLOWED);
            context.addServletMappingDecoded("/admin/*", "admin");
            Tomcat.addServlet(context, "open", open);
            context.addServletMappingDecoded("/open/*", "open");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            tomcat.close();
        } finally {
            holdBack.close();
        }
    }

    /** Holds back the INFO records of refused requests; passes every other record on to the parents' handlers. */
    static void holdBackRequestParsingReports() {
        holdBack = CapturedLogs.holdBack(HTTP11_LOG, record -> record.getLevel().intValue() <= Level.INFO.intValue()
                && "org.apache.coyote.http11.Http11Processor".equals(record.getLoggerName()));
    }

    @Override
    protected int port() {
        return tomcat.port();
    }

    @Override
    protected String container() {
        return "tomcat-11";
    }

    @Override
    protected boolean closesConnectionAfter(int status, int nth) {
        return tomcat.closesConnectionAfter(status, nth);
    }

    @Override
    protected int containerAnswers(String method) {
        return method.equals("CONNECT") ? 501 : 0;
    }

    @Override
    protected void addContainerStats(Map<String, Integer> stats) {
        Map<String, Integer> held = new TreeMap<>();
        for (LogRecord r : holdBack.records()) {
            String message = String.valueOf(r.getMessage()).lines().findFirst().orElse("");
            held.merge(r.getLevel() + " " + Escape.forLog(message, 80), 1, Integer::sum);
        }
        held.forEach((message, n) -> stats.put("Tomcat log held back: " + message, n));
    }
}
