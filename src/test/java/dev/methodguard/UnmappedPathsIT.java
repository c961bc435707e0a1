package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that reach no application servlet, side by side: Jetty alone (its fallback servlet echoes TRACE,
 * advertises TRACE and answers 405 without Allow) and the same application with MethodGuard.
 */
class UnmappedPathsIT {
    static TestJetty guarded;
    static TestJetty alone;
    static final TestServlets.Service legacy = new TestServlets.Service();

    @BeforeAll
    static void start() throws Exception {
        guarded = TestJetty.app().servlet("items", new TestServlets.GetPost(), "/items/*")
                .servlet("legacy", legacy, "/legacy/*").filter(new MethodGuardFilter()).start();
        alone = TestJetty.app().servlet("items", new TestServlets.GetPost(), "/items/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        guarded.close();
        alone.close();
    }

    @Test
    void jettyAloneEchoesTraceAndAnswers405WithoutAllowThere() throws Exception {
        RawHttp.Response trace = alone.send("TRACE", "/nope");
        assertEquals(200, trace.status(), "the behaviour MethodGuard exists to stop: " + trace);
        assertNull(alone.send("DELETE", "/nope").header("Allow"));
    }

    @Test
    void traceIsA405InJsonAndEchoesNothing() throws Exception {
        RawHttp.Response r = RawHttp.send(guarded.port, "TRACE", "/nope", "Cookie: session=secret");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        assertEquals("application/json", r.header("Content-Type"));
        assertFalse(r.body().contains("secret"), r.body());
    }

    @Test
    void aKnownMethodIsA405WithAllowAndAnUnknownOneA501() throws Exception {
        RawHttp.Response post = RawHttp.sendBody(guarded.port, "POST", "/nope", "x"); // POST is known: the items servlet takes it
        assertEquals(405, post.status());
        assertEquals("GET, HEAD, OPTIONS", post.header("Allow"));
        assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"" + WireFormat.MESSAGE_405
                + "\",\"method\":\"POST\",\"path\":\"/nope\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\"]}", post.body());
        assertEquals(501, guarded.send("DELETE", "/nope").status(), "nothing in this application implements DELETE");
        RawHttp.Response foo = guarded.send("FOO", "/nope");
        assertEquals(501, foo.status());
        assertNull(foo.header("Allow"));
    }

    @Test
    void getAndHeadStillGetTheContainers404() throws Exception {
        assertEquals(404, guarded.send("GET", "/nope").status());
        assertEquals(404, guarded.send("HEAD", "/nope").status());
    }

    @Test
    void optionsNeverAdvertisesTrace() throws Exception {
        RawHttp.Response r = guarded.send("OPTIONS", "/nope");
        assertEquals(200, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        assertTrue(alone.send("OPTIONS", "/nope").header("Allow").contains("TRACE"), "Jetty alone advertises TRACE");
    }

    @Test
    void traceToAnUndeclaredServletIsA501AndItNeverRuns() throws Exception {
        int before = legacy.calls.get();
        RawHttp.Response r = guarded.send("TRACE", "/legacy/1");
        assertEquals(501, r.status());
        assertEquals(before, legacy.calls.get());
        assertEquals("FOO ok", guarded.send("FOO", "/legacy/1").body(), "other methods still pass through");
    }
}
