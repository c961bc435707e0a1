package dev.methodguard.bench;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import java.util.Map;
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
 * init(): resolving every registration (class loading, introspection of doXxx), building the policy
 * and the startup table. Paid once per deployment; measured warm, i.e. after the JIT has compiled it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// 10,000 servlets allocate ~50 MB per init(): a fixed, roomy heap keeps heap resizing out of the numbers.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InitBench {
    @Param({"1", "100", "10000"})
    public int servlets;

    private FakeFilterConfig config;

    @Setup
    public void setUp() {
        Fixture.quietLogging();
        Map<String, FakeRegistration> regs = Fixture.registrations(servlets);
        config = new FakeFilterConfig(new FakeContext(regs));
    }

    @Benchmark
    public MethodGuardFilter init() throws Exception {
        MethodGuardFilter f = Fixture.filter(BodyFormat.JSON);
        f.init(config);
        return f;
    }
}
