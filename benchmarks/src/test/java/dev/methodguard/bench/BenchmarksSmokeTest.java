package dev.methodguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmarks honest inside {@code mvn verify}: the fixtures drive the filter down the path each
 * benchmark claims to measure, and JMH can still run a benchmark (one fork, one 100 ms iteration). It
 * measures nothing worth reading; run-jmh.sh does that.
 */
class BenchmarksSmokeTest {

    @Nested
    class TheFixturesTakeTheIntendedPath {
        @Test
        void getToTheMiddleOfAHundredServletsPassesThroughToTheChain() throws Exception {
            MethodGuardFilter filter = Fixture.initialized(100, BodyFormat.JSON);
            FakeResponse response = new FakeResponse(true);
            CountingChain chain = new CountingChain();

            filter.doFilter(new FakeRequest("GET", Fixture.URI, Fixture.target(100)), response, chain);

            assertEquals(1, chain.passed);
            // The fake starts at 200 like a real response: "untouched" is that nothing else was set.
            assertEquals(200, response.status);
            assertNull(response.allow);
            assertNull(response.contentType);
            assertNull(response.cacheControl);
            assertEquals(-1, response.contentLength);
            assertEquals(0, response.bytesWritten);
        }

        @Test
        void deleteIsRejectedWith405AndTheJsonBodyNamingTheAllowedMethods() throws Exception {
            FakeResponse response = reject(BodyFormat.JSON, "DELETE");

            assertEquals(405, response.status);
            assertEquals("GET, HEAD, OPTIONS, POST", response.allow);
            assertEquals("application/json", response.contentType);
            assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
                    + "\"method\":\"DELETE\",\"path\":\"/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}", response.body());
            assertEquals(response.contentLength, response.bytesWritten);
        }

        @Test
        void propfindIsRejectedWith501AndAProblemBodyWithoutAllow() throws Exception {
            FakeResponse response = reject(BodyFormat.PROBLEM, "PROPFIND");

            assertEquals(501, response.status);
            assertNull(response.allow);
            assertEquals("application/problem+json", response.contentType);
            assertTrue(response.body().startsWith("{\"type\":\"about:blank\",\"title\":\"Not Implemented\",\"status\":501,"), response.body());
            assertEquals(response.contentLength, response.bytesWritten);
        }

        @Test
        void theHandWrittenControlServletWritesExactlyWhatMethodGuardWrites() throws Exception {
            for (String method : new String[] {"DELETE", "PROPFIND"}) {
                FakeResponse guard = reject(BodyFormat.JSON, method);
                FakeResponse control = new FakeResponse(true);

                new HandWrittenServlet().service(new FakeRequest(method, Fixture.URI, "items"), control);

                assertEquals(guard.status, control.status, method);
                assertEquals(guard.allow, control.allow, method);
                assertEquals(guard.cacheControl, control.cacheControl, method);
                assertEquals(guard.contentTypeOptions, control.contentTypeOptions, method);
                assertEquals(guard.contentType, control.contentType, method);
                assertEquals(guard.contentLength, control.contentLength, method);
                assertEquals(guard.body(), control.body(), method);
            }
        }

        private FakeResponse reject(BodyFormat format, String method) throws Exception {
            MethodGuardFilter filter = Fixture.initialized(100, format);
            FakeResponse response = new FakeResponse(true);
            CountingChain chain = new CountingChain();
            filter.doFilter(new FakeRequest(method, Fixture.URI, Fixture.target(100)), response, chain);
            assertEquals(0, chain.passed, "the chain must not run on a rejection");
            return response;
        }
    }

    /**
     * The routed fixture: the front controller {@code api} with generated routes, judged route by route, and the
     * unrouted {@code items} beside it. 10,000 routes, as in the benchmark's largest case.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one 10,000-route filter for all its tests
    class TheRoutedFixtureTakesTheIntendedPath {
        private static final int ROUTES = 10_000;
        private final MethodGuardFilter filter;

        TheRoutedFixtureTakesTheIntendedPath() throws Exception {
            filter = Fixture.routedInitialized(ROUTES, BodyFormat.JSON);
        }

        @Test
        void theGeneratedTableHasTheIntendedShapesAndTheRequestGoesDeepIntoIt() {
            List<Fixture.Route> routes = Fixture.routes(ROUTES);
            assertEquals(ROUTES, routes.size());
            assertEquals(1, Fixture.routes(1).size());
            assertEquals("/r0/items/{id}", Fixture.routes(1).get(0).template());
            assertTrue(routes.stream().filter(r -> r.template().contains("{id: [0-9]+}")).count() > 50, "regex routes");
            assertTrue(routes.stream().filter(r -> r.template().endsWith("{path...}") || r.template().endsWith("/*")).count() > 100,
                    "catch-all routes");
            String deep = Fixture.deepPath(ROUTES);
            int resource = Integer.parseInt(deep.substring(2, deep.indexOf('/', 1)));
            assertTrue(resource > 4800, deep + " is not deep in the table");
            assertEquals("/r0/items/42", Fixture.deepPath(1));
        }

        @Test
        void getOnTheDeepItemRoutePassesThroughUntouched() throws Exception {
            FakeResponse response = new FakeResponse(true);
            CountingChain chain = run(Fixture.routedRequest("GET", ROUTES), response);

            assertEquals(1, chain.passed);
            assertEquals(200, response.status);
            assertNull(response.allow);
            assertNull(response.contentType);
            assertEquals(0, response.bytesWritten);
        }

        @Test
        void deleteOnTheGetPutItemRouteGets405WithTheRoutesAllow() throws Exception {
            FakeResponse response = new FakeResponse(true);
            CountingChain chain = run(Fixture.routedRequest("DELETE", ROUTES), response);

            assertEquals(0, chain.passed);
            assertEquals(405, response.status);
            assertEquals("GET, HEAD, OPTIONS, PUT", response.allow);
            assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
                    + "\"method\":\"DELETE\",\"path\":\"/api" + Fixture.deepPath(ROUTES) + "\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"PUT\"]}",
                    response.body());
            assertEquals(response.contentLength, response.bytesWritten);
        }

        @Test
        void propfindOnTheRoutedServletGets501() throws Exception {
            FakeResponse response = new FakeResponse(true);
            CountingChain chain = run(Fixture.routedRequest("PROPFIND", ROUTES), response);

            assertEquals(0, chain.passed);
            assertEquals(501, response.status);
            assertNull(response.allow);
            assertEquals(response.contentLength, response.bytesWritten);
        }

        @Test
        void eachRouteIsJudgedByItsOwnMethodsAndPathsWithoutARoutePassThrough() throws Exception {
            // The collection route of the same resource allows POST, not PUT.
            FakeResponse collection = new FakeResponse(true);
            String deep = Fixture.deepPath(ROUTES);
            run(FakeRequest.underPath("PUT", Fixture.ROUTED_PREFIX, deep.substring(0, deep.lastIndexOf('/')), Fixture.ROUTED), collection);
            assertEquals(405, collection.status);
            assertEquals("GET, HEAD, OPTIONS, POST", collection.allow);
            // The regex route matches digits only; the catch-all takes any depth.
            assertEquals(1, run(FakeRequest.underPath("GET", Fixture.ROUTED_PREFIX, "/r50/items/7/versions", Fixture.ROUTED),
                    new FakeResponse(false)).passed);
            FakeResponse versions = new FakeResponse(false);
            run(FakeRequest.underPath("PUT", Fixture.ROUTED_PREFIX, "/r50/items/7/versions", Fixture.ROUTED), versions);
            assertEquals(405, versions.status);
            assertEquals(1, run(FakeRequest.underPath("DELETE", Fixture.ROUTED_PREFIX, "/r50/items/x/versions", Fixture.ROUTED),
                    new FakeResponse(false)).passed, "no route matches a non-numeric id: passes through");
            assertEquals(1, run(FakeRequest.underPath("DELETE", Fixture.ROUTED_PREFIX, "/r50/files/a/b/c.txt", Fixture.ROUTED),
                    new FakeResponse(false)).passed);
            // A path no route matches passes through, whatever the method.
            assertEquals(1, run(FakeRequest.underPath("DELETE", Fixture.ROUTED_PREFIX, "/nowhere/1", Fixture.ROUTED),
                    new FakeResponse(false)).passed);
        }

        @Test
        void theUnroutedServletBesideItIsJudgedAsAWhole() throws Exception {
            assertEquals(1, run(Fixture.unroutedRequest("GET"), new FakeResponse(false)).passed);
            FakeResponse response = new FakeResponse(true);
            assertEquals(0, run(Fixture.unroutedRequest("DELETE"), response).passed);
            assertEquals(405, response.status);
            assertEquals("GET, HEAD, OPTIONS, POST", response.allow);
        }

        /**
         * What routedGet's B/op claims, without JMH: after a first call (which creates the thread's regex
         * matchers), many calls allocate nothing on this thread. The path has no {@code new} at all, so this
         * holds interpreted as well as compiled; the allowance covers the measuring itself.
         */
        @Test
        void theRoutedAndUnroutedPassThroughAllocateNothing() throws Exception {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            FakeRequest routed = Fixture.routedRequest("GET", ROUTES);
            FakeRequest unrouted = Fixture.unroutedRequest("GET");
            FakeResponse response = new FakeResponse(false);
            CountingChain chain = new CountingChain();
            for (FakeRequest request : new FakeRequest[] {routed, unrouted}) {
                filter.doFilter(request, response, chain);
                long id = Thread.currentThread().getId();
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 20_000; i++) {
                    filter.doFilter(request, response, chain);
                }
                long bytes = threads.getThreadAllocatedBytes(id) - before;
                assertTrue(bytes < 2_000, request.getRequestURI() + ": 20,000 calls allocated " + bytes + " bytes");
            }
            assertEquals(40_002, chain.passed);
        }

        private CountingChain run(FakeRequest request, FakeResponse response) throws Exception {
            CountingChain chain = new CountingChain();
            filter.doFilter(request, response, chain);
            return chain;
        }
    }

    @Test
    void jmhRunsOneShortIterationOfTheRejectionAndTheRoutedBenchmarkInAFork() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RejectBench.class.getName() + ".reject$")
                .include(PassThroughBench.class.getName() + ".routedGet$")
                .param("servlets", "100")
                .param("status", "405")
                .param("format", "JSON")
                .param("routes", "100")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .build()).run();

        assertEquals(2, results.size());
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            assertTrue(score > 0, r.getParams().getBenchmark() + " score " + score);
        }
    }
}
