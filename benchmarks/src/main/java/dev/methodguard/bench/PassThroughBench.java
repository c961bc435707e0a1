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

/** doFilter on an allowed request (GET to a GET/POST servlet): the cost every request pays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PassThroughBench {
    @Param({"1", "100", "10000"})
    public int servlets;

    private MethodGuardFilter filter;
    private FakeRequest request;
    private FakeResponse response;
    private CountingChain chain;

    @Setup
    public void setUp() throws Exception {
        filter = Fixture.initialized(servlets, BodyFormat.JSON);
        request = new FakeRequest("GET", Fixture.URI, Fixture.target(servlets));
        response = new FakeResponse(false);
        chain = new CountingChain();
        filter.doFilter(request, response, chain);
        if (chain.passed != 1 || response.status != 200) {
            throw new IllegalStateException("GET did not pass through: status " + response.status);
        }
    }

    @Benchmark
    public long allowedGet() throws Exception {
        filter.doFilter(request, response, chain);
        return chain.passed;
    }
}
