package dev.methodguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import java.util.Collection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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

    @Test
    void jmhRunsOneShortIterationOfTheRejectionBenchmarkInAFork() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RejectBench.class.getName() + ".reject")
                .param("servlets", "100")
                .param("status", "405")
                .param("format", "JSON")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .build()).run();

        assertEquals(1, results.size());
        double score = results.iterator().next().getPrimaryResult().getScore();
        assertTrue(score > 0, "score " + score);
    }
}
