package dev.methodguard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The report-only log, which keeps the promise its lines make: a (servlet, method, status) logged at
 * <i>t</i> is not logged again before <i>t</i> + 60 s, and no window of 60 s holds more than
 * {@value #MAX_LINES} lines. What is not logged is counted, per reason, and summed up in one line when its
 * window ends, even if no request follows: a timer (one named daemon thread, started by the filter's
 * {@code init()} only in report-only mode and stopped by its {@code destroy()}) closes each window.
 *
 * <p>Memory is bounded by construction: only keys that were logged are remembered, for 60 s, so at most
 * the lines of two windows ({@value #MAX_LINES} each); a flood of distinct (hostile) methods beyond the
 * line budget is only counted. Windows are aligned to the log's start (start + <i>k</i> × 60 s), so the
 * timer and a request arriving at the boundary close the same window.
 */
final class ReportLog implements AutoCloseable {
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final int MAX_LINES = 100;
    private static final Logger LOG = System.getLogger("dev.methodguard");

    private record Key(String servlet, String method, int status) {
    }

    private final LongSupplier clock;
    /** When each key was last logged; entries older than one window are dropped when a window ends. */
    private final Map<Key, Long> lastLogged = new HashMap<>();
    private final ScheduledExecutorService timer;
    private long windowStart;
    private int lines;
    private long repeats;
    private long overBudget;

    /** For tests: {@code nanoClock} drives the windows, and nothing but {@link #endWindowIfDue} closes them. */
    ReportLog(LongSupplier nanoClock) {
        this(nanoClock, null);
    }

    private ReportLog(LongSupplier nanoClock, ScheduledExecutorService timer) {
        this.clock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
        this.timer = timer;
    }

    /** The log of a filter in report-only mode, with its timer thread running; {@link #close} stops it. */
    static ReportLog started(String filterName) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "methodguard-report-only-" + Escape.forLog(filterName, 100));
            t.setDaemon(true);
            return t;
        });
        ReportLog log = new ReportLog(System::nanoTime, timer);
        // Scheduled after windowStart was read, on the same clock: each run finds its window due.
        timer.scheduleAtFixedRate(log::endWindowIfDue, WINDOW_NANOS, WINDOW_NANOS, TimeUnit.NANOSECONDS);
        return log;
    }

    /** A would-be rejection: logged, or counted as a repeat or as over the window's line budget. */
    synchronized void report(String servlet, String method, int status, String path) {
        long now = clock.getAsLong();
        roll(now);
        Key key = new Key(servlet, WireFormat.cut(method, WireFormat.MAX_METHOD), status);
        Long last = lastLogged.get(key);
        if (last != null && now - last < WINDOW_NANOS) {
            repeats++;
            return;
        }
        if (lines >= MAX_LINES) {
            overBudget++;
            return;
        }
        lines++;
        lastLogged.put(key, now);
        LOG.log(Level.INFO, "MethodGuard report-only: would answer " + status + " to " + Escape.forLog(method, WireFormat.MAX_METHOD)
                + " on servlet '" + servlet + "' (e.g. " + Escape.forLog(path, 256) + "); the request was passed on. Not logged again "
                + "for this servlet, method and status for " + TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS) + " s");
    }

    /** Closes the current window if it has ended, writing its summary; what the timer runs. */
    synchronized void endWindowIfDue() {
        roll(clock.getAsLong());
    }

    /** Stops the timer and writes the summary of what the current, unfinished window did not log. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                // Gone before destroy() returns, so no container finds a thread of the application still running.
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            summarize("before the filter was taken out of service");
        }
    }

    private void roll(long now) {
        long elapsed = now - windowStart;
        if (elapsed < WINDOW_NANOS) {
            return;
        }
        summarize("in the last " + TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS) + " s");
        windowStart += elapsed / WINDOW_NANOS * WINDOW_NANOS;
        lines = 0;
        lastLogged.values().removeIf(t -> now - t >= WINDOW_NANOS);
    }

    private void summarize(String when) {
        if (repeats + overBudget > 0) {
            LOG.log(Level.INFO, "MethodGuard report-only: " + (repeats + overBudget) + " more would-be rejections " + when
                    + " were counted but not logged: " + repeats + " of a servlet, method and status logged less than "
                    + TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS) + " s before, " + overBudget + " past the limit of " + MAX_LINES
                    + " lines per " + TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS) + " s (the counters have them all)");
        }
        repeats = 0;
        overBudget = 0;
    }
}
