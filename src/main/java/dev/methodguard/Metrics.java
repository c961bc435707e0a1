package dev.methodguard;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The filter's counters as operators read them: the per-servlet {@link Counters} of the current policy,
 * summed or by servlet, and the policy itself. Reading is the only work done here; requests touch
 * only the counters of the capability they hit. Registration with JMX is {@link JmxRegistration}'s job.
 */
final class Metrics implements MethodGuardMBean {
    final LongAdder optionsAnswered = new LongAdder();
    private volatile Policy policy;
    private volatile String contextLabel = "/";

    void policy(Policy policy, String contextLabel) {
        this.policy = policy;
        this.contextLabel = contextLabel;
    }

    /** The policy these metrics read: the filter's, since its init(). */
    Policy policy() {
        return policy;
    }

    @Override
    public long getRejected405() {
        return sum(c -> c.rejected405);
    }

    @Override
    public long getRejected501() {
        return sum(c -> c.rejected501);
    }

    @Override
    public long getWouldReject405() {
        return sum(c -> c.wouldReject405);
    }

    @Override
    public long getWouldReject501() {
        return sum(c -> c.wouldReject501);
    }

    @Override
    public Map<String, Long> getRejected405ByServlet() {
        return byServlet(c -> c.rejected405);
    }

    @Override
    public Map<String, Long> getRejected501ByServlet() {
        return byServlet(c -> c.rejected501);
    }

    @Override
    public Map<String, Long> getWouldReject405ByServlet() {
        return byServlet(c -> c.wouldReject405);
    }

    @Override
    public Map<String, Long> getWouldReject501ByServlet() {
        return byServlet(c -> c.wouldReject501);
    }

    @Override
    public long getOptionsAnswered() {
        return optionsAnswered.sum();
    }

    @Override
    public String getMode() {
        return policy().settings.mode().paramValue();
    }

    @Override
    public String getFormat() {
        return policy().settings.format().paramValue();
    }

    @Override
    public boolean isAllowTrace() {
        return policy().settings.allowTrace();
    }

    @Override
    public String getKnownMethods() {
        return String.join(", ", policy().known());
    }

    @Override
    public String getCapabilityTable() {
        return policy().describe(contextLabel);
    }

    private long sum(Function<Counters, LongAdder> counter) {
        Policy p = policy();
        if (p == null) {
            return 0;
        }
        long total = 0;
        for (Counters c : p.counters().values()) {
            total += counter.apply(c).sum();
        }
        return total;
    }

    /** Only servlets with a count: a table of zeros tells an operator nothing. */
    private Map<String, Long> byServlet(Function<Counters, LongAdder> counter) {
        Map<String, Long> out = new TreeMap<>();
        Policy p = policy();
        if (p != null) {
            p.counters().forEach((name, c) -> {
                long n = counter.apply(c).sum();
                if (n != 0) {
                    out.put(name, n);
                }
            });
        }
        return out;
    }
}
