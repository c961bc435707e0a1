package dev.methodguard.bench;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * doFilter on a rejected request: DELETE (a known method the target lacks) gets 405 with Allow, PROPFIND
 * (unknown) gets 501; status, headers and the whole body are written to the response.
 * <ul>
 * <li>{@code reject}: to a GET/POST servlet among 1, 100 or 10,000 registrations, in both body formats;</li>
 * <li>{@code routedReject}: to the GET/PUT item route deep in a table of 1, 100 or 10,000 routes (JSON), so the
 *     405's {@code Allow} and body are the route's.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RejectBench {

    @State(Scope.Thread)
    public static class Servlets {
        @Param({"1", "100", "10000"})
        public int servlets;

        @Param({"405", "501"})
        public int status;

        @Param({"JSON", "PROBLEM"})
        public BodyFormat format;

        MethodGuardFilter filter;
        FakeRequest request;
        final FakeResponse response = new FakeResponse(false);
        final CountingChain chain = new CountingChain();

        @Setup
        public void setUp() throws Exception {
            filter = Fixture.initialized(servlets, format);
            request = new FakeRequest(status == 405 ? "DELETE" : "PROPFIND", Fixture.URI, Fixture.target(servlets));
            rejects(filter, request, response, chain, status);
        }
    }

    @State(Scope.Thread)
    public static class Routes {
        @Param({"1", "100", "10000"})
        public int routes;

        @Param({"405", "501"})
        public int status;

        MethodGuardFilter filter;
        FakeRequest request;
        final FakeResponse response = new FakeResponse(false);
        final CountingChain chain = new CountingChain();

        @Setup
        public void setUp() throws Exception {
            filter = Fixture.routedInitialized(routes, BodyFormat.JSON);
            request = Fixture.routedRequest(status == 405 ? "DELETE" : "PROPFIND", routes);
            rejects(filter, request, response, chain, status);
            if (status == 405 && !"GET, HEAD, OPTIONS, PUT".equals(response.allow)) {
                throw new IllegalStateException("the 405 is not the item route's: Allow " + response.allow);
            }
        }
    }

    static void rejects(MethodGuardFilter filter, FakeRequest request, FakeResponse response, CountingChain chain, int status)
            throws Exception {
        filter.doFilter(request, response, chain);
        if (chain.passed != 0 || response.status != status || response.bytesWritten != response.contentLength) {
            throw new IllegalStateException("expected " + status + " with a body, got " + response.status);
        }
    }

    @Benchmark
    public long reject(Servlets s) throws Exception {
        s.filter.doFilter(s.request, s.response, s.chain);
        return s.response.bytesWritten;
    }

    @Benchmark
    public long routedReject(Routes s) throws Exception {
        s.filter.doFilter(s.request, s.response, s.chain);
        return s.response.bytesWritten;
    }
}
