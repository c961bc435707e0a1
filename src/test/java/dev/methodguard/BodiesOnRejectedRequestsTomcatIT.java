package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RejectedBodiesContract} on embedded Tomcat 11 (tomcat-embed-core, its own Servlet 6.1 API; run by
 * the failsafe execution {@code tomcat-11}, which has neither Jetty nor jakarta.servlet-api on its class
 * path). Tomcat swallows an unread request body up to {@code maxSwallowSize} (2 MiB by default) after the
 * response and keeps the connection; beyond that it closes it. With Expect: 100-continue it sends
 * 100 Continue before the servlet chain runs (its default {@code continueResponseTiming=immediately}).
 */
class BodiesOnRejectedRequestsTomcatIT extends RejectedBodiesContract {
    static final Items ITEMS = new Items();
    static TestTomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        tomcat = TestTomcat.start(Map.of("known-methods", "POST, PUT, PATCH"), (t, context, baseDir) -> {
            Tomcat.addServlet(context, "items", ITEMS);
            context.addServletMapping("/items/*", "items");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @Override
    int port() {
        return tomcat.port();
    }

    @Override
    Items items() {
        return ITEMS;
    }

    @Override
    String container() {
        return "tomcat-11";
    }

    @Override
    void checkExpectContinue(Outcome o) {
        // Tomcat's default continueResponseTiming=immediately: one 100 Continue before the filter answers.
        assertEquals(List.of(100), o.interim(), "Tomcat's interim responses");
    }
}
