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
 * doFilter on an allowed request: the cost every request pays.
 * <ul>
 * <li>{@code allowedGet}: GET to a GET/POST servlet among 1, 100 or 10,000 registrations (no routes);</li>
 * <li>{@code routedGet}: GET to the routed front controller {@code api} with 1, 100 or 10,000 routes, on an item
 *     route deep in the table ({@code /api/r<j>/items/42}): a name lookup, then the route table's match;</li>
 * <li>{@code unroutedGet}: in that same filter, GET to the unrouted servlet beside the routed one.</li>
 * </ul>
 * Each benchmark has its own state, so each runs only over its own parameter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PassThroughBench {

    /** {@code servlets} registrations of ItemsServlet, the request to the one in the middle. */
    @State(Scope.Thread)
    public static class Servlets {
        @Param({"1", "100", "10000"})
        public int servlets;

        MethodGuardFilter filter;
        FakeRequest request;
        final FakeResponse response = new FakeResponse(false);
        final CountingChain chain = new CountingChain();

        @Setup
        public void setUp() throws Exception {
            filter = Fixture.initialized(servlets, BodyFormat.JSON);
            request = new FakeRequest("GET", Fixture.URI, Fixture.target(servlets));
            passes(filter, request, response, chain);
        }
    }

    /** The routed front controller with {@code routes} routes, and an unrouted servlet beside it. */
    @State(Scope.Thread)
    public static class Routes {
        @Param({"1", "100", "10000"})
        public int routes;

        MethodGuardFilter filter;
        FakeRequest routed;
        FakeRequest unrouted;
        final FakeResponse response = new FakeResponse(false);
        final CountingChain chain = new CountingChain();

        @Setup
        public void setUp() throws Exception {
            filter = Fixture.routedInitialized(routes, BodyFormat.JSON);
            routed = Fixture.routedRequest("GET", routes);
            unrouted = Fixture.unroutedRequest("GET");
            passes(filter, routed, response, chain);
            passes(filter, unrouted, response, chain);
            // The route really judges the request: DELETE on the same GET/PUT item route is refused.
            FakeResponse refused = new FakeResponse(false);
            CountingChain none = new CountingChain();
            filter.doFilter(Fixture.routedRequest("DELETE", routes), refused, none);
            if (none.passed != 0 || refused.status != 405 || !"GET, HEAD, OPTIONS, PUT".equals(refused.allow)) {
                throw new IllegalStateException("DELETE on the routed item was not refused by its route: " + refused.status
                        + " Allow " + refused.allow);
            }
        }
    }

    static void passes(MethodGuardFilter filter, FakeRequest request, FakeResponse response, CountingChain chain) throws Exception {
        long before = chain.passed;
        filter.doFilter(request, response, chain);
        if (chain.passed != before + 1 || response.status != 200) {
            throw new IllegalStateException(request.getMethod() + " " + request.getRequestURI() + " did not pass through: status "
                    + response.status);
        }
    }

    @Benchmark
    public long allowedGet(Servlets s) throws Exception {
        s.filter.doFilter(s.request, s.response, s.chain);
        return s.chain.passed;
    }

    @Benchmark
    public long routedGet(Routes s) throws Exception {
        s.filter.doFilter(s.routed, s.response, s.chain);
        return s.chain.passed;
    }

    @Benchmark
    public long unroutedGet(Routes s) throws Exception {
        s.filter.doFilter(s.unrouted, s.response, s.chain);
        return s.chain.passed;
    }
}
