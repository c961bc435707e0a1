package dev.methodguard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The report-only log: one line per distinct (servlet, method, status) per window, never one per
 * request. At most {@link #MAX_KEYS} distinct lines per window; past that, a flood of distinct methods
 * is only counted and summed up in one line when the window ends, so memory stays bounded.
 */
final class ReportLog {
    static final long WINDOW_NANOS = 60_000_000_000L;
    static final int MAX_KEYS = 100;
    private static final Logger LOG = System.getLogger("dev.methodguard");

    private final LongSupplier clock;
    private final Set<String> seen = new HashSet<>();
    private long windowStart;
    private long suppressed;

    ReportLog(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    ReportLog() {
        this(System::nanoTime);
    }

    synchronized void report(String servlet, String method, int status, String path) {
        long now = clock.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            if (suppressed > 0) {
                LOG.log(Level.INFO, "MethodGuard report-only: " + suppressed + " more would-be rejections of other (servlet, method, "
                        + "status) combinations in the last window were counted but not logged");
            }
            seen.clear();
            suppressed = 0;
            windowStart = now;
        }
        if (seen.size() >= MAX_KEYS) {
            suppressed++;
            return;
        }
        String m = Escape.forLog(method, WireFormat.MAX_METHOD);
        if (seen.add(servlet + ' ' + m + ' ' + status)) {
            LOG.log(Level.INFO, "MethodGuard report-only: would answer " + status + " to " + m + " on servlet '" + servlet
                    + "' (e.g. " + Escape.forLog(path, 256) + "); the request was passed on. Not logged again for this servlet, "
                    + "method and status for " + WINDOW_NANOS / 1_000_000_000L + " s");
        }
    }

    /** How many distinct lines the current window holds; for tests of the bound. */
    synchronized int size() {
        return seen.size();
    }
}
