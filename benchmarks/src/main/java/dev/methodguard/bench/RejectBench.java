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
 * doFilter on a rejected request: DELETE (a known method the servlet lacks) gets 405 with Allow, PROPFIND
 * (unknown) gets 501, in both body formats; status, headers and the whole body are written to the response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RejectBench {
    @Param({"1", "100", "10000"})
    public int servlets;

    @Param({"405", "501"})
    public int status;

    @Param({"JSON", "PROBLEM"})
    public BodyFormat format;

    private MethodGuardFilter filter;
    private FakeRequest request;
    private FakeResponse response;
    private CountingChain chain;

    @Setup
    public void setUp() throws Exception {
        filter = Fixture.initialized(servlets, format);
        request = new FakeRequest(status == 405 ? "DELETE" : "PROPFIND", Fixture.URI, Fixture.target(servlets));
        response = new FakeResponse(false);
        chain = new CountingChain();
        filter.doFilter(request, response, chain);
        if (chain.passed != 0 || response.status != status || response.bytesWritten != response.contentLength) {
            throw new IllegalStateException("expected " + status + " with a body, got " + response.status);
        }
    }

    @Benchmark
    public long reject() throws Exception {
        filter.doFilter(request, response, chain);
        return response.bytesWritten;
    }
}
