package dev.methodguard;

import java.util.concurrent.atomic.LongAdder;

/**
 * One servlet's rejection counters (all routes of a routed servlet share them). There is one per
 * servlet the policy knows, made at {@code init()}, so their number is bounded by the application,
 * never by requests. Only responses MethodGuard writes, or would write, touch them.
 */
final class Counters {
    final LongAdder rejected405 = new LongAdder();
    final LongAdder rejected501 = new LongAdder();
    final LongAdder wouldReject405 = new LongAdder();
    final LongAdder wouldReject501 = new LongAdder();

    void count(boolean known, boolean reportOnly) {
        if (reportOnly) {
            (known ? wouldReject405 : wouldReject501).increment();
        } else {
            (known ? rejected405 : rejected501).increment();
        }
    }
}
