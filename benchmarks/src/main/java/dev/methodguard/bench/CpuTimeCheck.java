package dev.methodguard.bench;

import dev.methodguard.BodyFormat;
import dev.methodguard.MethodGuardFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of the JMH figures for a loaded machine: the same doFilter calls as the benchmarks, timed in
 * this thread's <em>CPU time</em> ({@code ThreadMXBean.getCurrentThreadCpuTime}) rather than wall-clock time,
 * and <em>interleaved</em>: the cases take turns in short batches, so drifting background load hits all of
 * them alike. When other processes keep the cores busy, JMH's average time includes every slice in which the
 * benchmark thread waited for a core; CPU time does not (it still includes what sharing costs a running
 * thread: cold caches, a busy sibling hyper-thread). JMH stays the reference on a quiet machine.
 *
 * <p>Usage: {@code CpuTimeCheck <routes> <warm-up rounds> <rounds> <max seconds>}: one JVM per route count (so
 * the JIT sees the mix of one deployment), cases routedGet, unroutedGet (beside the routed servlet), allowedGet
 * (1 servlet, no routes), routedReject 405; a round is one batch of 200,000 calls per case. Warm-up is counted
 * in rounds, not seconds, because on a loaded machine the JIT's threads wait for a core too. Stops after
 * {@code max seconds} of wall-clock time even if fewer rounds were measured. Prints one line per case:
 * {@code case routes median-ns/op min-ns/op batches}.
 */
public final class CpuTimeCheck {
    private static final int BATCH = 200_000;

    private CpuTimeCheck() {
    }

    private record Case(String name, MethodGuardFilter filter, FakeRequest request, FakeResponse response, CountingChain chain,
                        List<Double> nsPerOp) {
        Case(String name, MethodGuardFilter filter, FakeRequest request) {
            this(name, filter, request, new FakeResponse(false), new CountingChain(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        int routes = Integer.parseInt(args[0]);
        int warmRounds = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        MethodGuardFilter routed = Fixture.routedInitialized(routes, BodyFormat.JSON);
        MethodGuardFilter plain = Fixture.initialized(1, BodyFormat.JSON);
        List<Case> cases = List.of(
                new Case("routedGet", routed, Fixture.routedRequest("GET", routes)),
                new Case("unroutedGet", routed, Fixture.unroutedRequest("GET")),
                new Case("allowedGet", plain, new FakeRequest("GET", Fixture.URI, Fixture.target(1))),
                new Case("routedReject405", routed, Fixture.routedRequest("DELETE", routes)));
        for (Case c : cases) { // the same checks as the benchmarks' setups
            c.filter.doFilter(c.request, c.response, c.chain);
            boolean reject = c.name.startsWith("routedReject");
            if (reject ? c.chain.passed != 0 || c.response.status != 405 : c.chain.passed != 1 || c.response.status != 200) {
                throw new IllegalStateException(c.name + ": status " + c.response.status);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long endAt = System.nanoTime() + (long) (seconds * 1e9);
        long sink = 0;
        for (int round = 0; round < warmRounds + rounds && System.nanoTime() < endAt; round++) {
            boolean measuring = round >= warmRounds;
            for (Case c : cases) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < BATCH; i++) {
                    c.filter.doFilter(c.request, c.response, c.chain);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                sink += c.chain.passed + c.response.bytesWritten;
                if (measuring) {
                    c.nsPerOp.add((t1 - t0) / (double) BATCH);
                }
            }
        }
        for (Case c : cases) {
            double[] v = c.nsPerOp.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                throw new IllegalStateException("no batch measured; give more seconds");
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            System.out.printf(Locale.ROOT, "%s %d %.1f %.1f %d%n", c.name, routes, median, Arrays.stream(v).min().orElse(0), v.length);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
