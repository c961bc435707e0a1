package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The report-only log keeps the promise of its lines: once per (servlet, method, status) per 60 s, at most
 * 100 lines per window, and a summary of exactly what was not logged, per reason, when the window ends. The
 * clock is the test's: no sleeps.
 */
class ReportLogTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ReportLog log = new ReportLog(now::get);

    private void at(long seconds) {
        now.set(1_000 * SECOND + seconds * SECOND);
    }

    private static List<String> messages(CapturedLogs logs) {
        return logs.records().stream().map(LogRecord::getMessage).toList();
    }

    @Nested
    class OncePerKeyPerMinute {
        @Test
        void aKeyLoggedAtTIsLoggedAgainFromTPlus60SecondsNotBefore() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                at(10);
                log.report("items", "DELETE", 405, "/items/1");
                at(69);
                log.endWindowIfDue(); // the window of the log's start ended at 60 s: a repeat is not due yet
                log.report("items", "DELETE", 405, "/items/2");
                at(70);
                log.report("items", "DELETE", 405, "/items/3");
                List<String> lines = messages(logs).stream().filter(m -> m.contains("would answer")).toList();
                assertEquals(2, lines.size(), lines.toString());
                assertTrue(lines.get(0).contains("/items/1"), lines.get(0));
                assertTrue(lines.get(1).contains("/items/3"), lines.get(1));
                assertTrue(lines.get(0).endsWith("Not logged again for this servlet, method and status for 60 s"), lines.get(0));
            }
        }

        @Test
        void eachKeyHasItsOwnMinuteWhateverTheWindow() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                at(0);
                log.report("items", "DELETE", 405, "/a");
                at(50);
                log.report("items", "FOO", 501, "/b");
                at(60);
                log.report("items", "DELETE", 405, "/c"); // 60 s after its line: due
                log.report("items", "FOO", 501, "/d");    // 10 s after its line: a repeat, though a new window began
                at(110);
                log.report("items", "FOO", 501, "/e");    // 60 s after its line: due
                List<String> lines = messages(logs).stream().filter(m -> m.contains("would answer")).toList();
                assertEquals(List.of("/a", "/b", "/c", "/e"), lines.stream().map(l -> l.substring(l.indexOf("(e.g. ") + 6, l.indexOf(')'))).toList());
            }
        }

        @Test
        void theServletTheMethodAndTheStatusEachMakeADifferentKey() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                log.report("items", "DELETE", 405, "/1");
                log.report("docs", "DELETE", 405, "/2");
                log.report("items", "delete", 405, "/3");
                log.report("items", "DELETE", 501, "/4");
                log.report("items", "DELETE", 405, "/5");
                assertEquals(4, messages(logs).size(), messages(logs).toString());
            }
        }
    }

    @Nested
    class TheSummary {
        @Test
        void isWrittenWhenTheWindowEndsWithoutAnyLaterRequestAndCountsEachReason() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                for (int i = 0; i < 3; i++) {
                    log.report("items", "DELETE", 405, "/items/1"); // 1 line, 2 repeats
                }
                for (int i = 0; i < 150; i++) {
                    log.report("items", "M" + i, 501, "/items/1"); // 99 lines, 51 past the limit
                }
                log.report("items", "M0", 501, "/items/1"); // a repeat, not "past the limit"
                at(59);
                log.endWindowIfDue();
                assertEquals(100, messages(logs).size(), "nothing summed up before the window ends");
                at(60);
                log.endWindowIfDue();
                List<String> all = messages(logs);
                assertEquals(101, all.size());
                assertEquals("MethodGuard report-only: 54 more would-be rejections in the last 60 s were counted but not logged: "
                        + "3 of a servlet, method and status logged less than 60 s before, 51 past the limit of 100 lines per 60 s "
                        + "(the counters have them all)", all.get(100));
                log.endWindowIfDue();
                at(200);
                log.endWindowIfDue();
                assertEquals(101, messages(logs).size(), "a window with nothing held back writes no summary");
            }
        }

        @Test
        void aWindowThatLoggedEverythingWritesNoSummary() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                log.report("items", "DELETE", 405, "/items/1");
                at(61);
                log.endWindowIfDue();
                assertEquals(1, messages(logs).size(), messages(logs).toString());
            }
        }

        @Test
        void closingWritesWhatTheUnfinishedWindowHeldBack() {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                log.report("items", "DELETE", 405, "/items/1");
                log.report("items", "DELETE", 405, "/items/1");
                log.close();
                List<String> all = messages(logs);
                assertEquals(2, all.size(), all.toString());
                assertTrue(all.get(1).startsWith("MethodGuard report-only: 1 more would-be rejections before the filter was taken "
                        + "out of service were counted but not logged: 1 of"), all.get(1));
            }
        }
    }

    @Nested
    class BoundedByTheLinesItWrote {
        @Test
        void aFloodOfDistinctMethodsLogsTheLimitPerWindowAndRemembersOnlyWhatItLogged() throws Exception {
            try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.INFO)) {
                for (int window = 0; window < 5; window++) {
                    at(window * 60L + 1);
                    for (int i = 0; i < 20_000; i++) {
                        log.report("items", "W" + window + "-" + i, 501, "/items/1");
                    }
                    assertTrue(remembered() <= 2 * ReportLog.MAX_LINES, "remembers " + remembered() + " keys");
                }
                at(5 * 60L + 1);
                log.endWindowIfDue();
                List<String> all = messages(logs);
                assertEquals(5 * (ReportLog.MAX_LINES + 1), all.size());
                for (int window = 0; window < 5; window++) {
                    String summary = all.get(window * (ReportLog.MAX_LINES + 1) + ReportLog.MAX_LINES);
                    assertTrue(summary.contains((20_000 - ReportLog.MAX_LINES) + " more would-be rejections")
                            && summary.contains(": 0 of a servlet") && summary.contains(", 19900 past the limit"), summary);
                }
                assertEquals(0, remembered(), "a key is forgotten 60 s after its line");
            }
        }

        /** How many keys the log remembers: read from its one map, the only state a request can add to. */
        private int remembered() throws Exception {
            Field f = ReportLog.class.getDeclaredField("lastLogged");
            f.setAccessible(true);
            synchronized (log) {
                return ((Map<?, ?>) f.get(log)).size();
            }
        }
    }

    @Nested
    class TheFiltersTimer {
        private Optional<Thread> timer(String filterName) {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("methodguard-report-only-" + filterName)).findFirst();
        }

        @Test
        void runsOnlyInReportOnlyModeAsOneDaemonThreadThatDestroyStops() throws Exception {
            MethodGuardFilter report = new MethodGuardFilter();
            Fakes.Config config = new Fakes.Config(Fakes.context(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*")),
                    Map.of("mode", "report-only"));
            config.filterName = "timed";
            report.init(config.proxy);
            Thread t = timer("timed").orElseThrow(() -> new AssertionError("no timer thread after init()"));
            assertTrue(t.isDaemon());
            report.destroy();
            t.join(5_000); // destroy() waited for the executor; the thread itself ends right after
            assertFalse(t.isAlive(), "the timer outlived destroy()");

            MethodGuardFilter enforce = new MethodGuardFilter();
            Fakes.Config plain = new Fakes.Config(Fakes.context(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*")),
                    Map.of());
            plain.filterName = "untimed";
            enforce.init(plain.proxy);
            assertTrue(timer("untimed").isEmpty(), "an enforcing filter has no timer");
            enforce.destroy();
        }
    }
}
