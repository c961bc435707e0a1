package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RejectedBodiesContract} on real Jetty 12.1 (ee10 or ee11). Observed: Jetty consumes what of an
 * unread body has already arrived when the response completes; if the body is not complete it answers the
 * rejection with {@code Connection: close} and closes, so the pipelined request is never parsed out of
 * body bytes. With Expect: 100-continue Jetty sends no 100 (the filter never reads the body) and answers
 * 405 at once. MethodGuard therefore sets no {@code Connection} header itself.
 */
class BodiesOnRejectedRequestsIT extends RejectedBodiesContract {
    static final Items ITEMS = new Items();
    static TestJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = TestJetty.app()
                .servlet("items", ITEMS, "/items/*")
                .filter(new MethodGuardFilter())
                .filterParam("known-methods", "POST, PUT, PATCH")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Override
    int port() {
        return jetty.port;
    }

    @Override
    Items items() {
        return ITEMS;
    }

    @Override
    String container() {
        return "jetty-" + TestJetty.EE;
    }

    @Override
    void checkExpectContinue(Outcome o) {
        assertEquals(List.of(), o.interim(), "Jetty sent an interim response although nothing read the body");
    }
}
