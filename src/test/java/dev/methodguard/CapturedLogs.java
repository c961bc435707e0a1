package dev.methodguard;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * The one log capture of the tests: while open, it keeps the JUL records a test expects (where
 * {@code System.Logger}, hence MethodGuard, logs by default, and where Tomcat logs) for the test to check,
 * and, with {@link #start}, everything Jetty logs through its slf4j appender (still echoed to stderr).
 *
 * <p>Four ways in, one mechanism: {@link #start} (a test of MethodGuard's own log: its records captured and
 * kept off the console), {@link #holdBack} and {@link #holdBackJetty} (a container's expected complaint captured
 * and kept off the console, everything else printed as usual) and {@link #watch} (a run that reports the warnings
 * it saw, which stay on the console). {@link #holdBack} and {@link #watch} touch JUL only, so that they load where
 * Jetty's logging is not on the class path (the Tomcat tests, the standalone servers). Public, and published in
 * the test-jar.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level originalLevel;
    private final boolean originalUseParent;
    private final Predicate<LogRecord> captured;
    private final boolean heldBack;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final JettyLog jetty;

    private CapturedLogs(Logger logger, Level openTo, Predicate<LogRecord> captured, boolean heldBack, JettyLog jetty) {
        this.logger = logger;
        this.originalLevel = logger == null ? null : logger.getLevel();
        this.originalUseParent = logger == null || logger.getUseParentHandlers();
        this.captured = captured;
        this.heldBack = heldBack;
        this.jetty = jetty;
        if (logger == null) {
            return; // Jetty's log only
        }
        if (openTo != null) {
            logger.setLevel(openTo);
        }
        setLevel(Level.ALL);
        logger.addHandler(this);
        // Held back: the parents' handlers are fed by publish() below with what is not captured.
        if (heldBack) {
            logger.setUseParentHandlers(false);
        }
    }

    /**
     * MethodGuard's own log: the logger {@code julLoggerName} ("" for all) set to {@code julLevel} while open,
     * its records at that level or above captured and not printed (a test that expects a SEVERE record must not
     * leave it on the console); and Jetty's log captured.
     */
    public static CapturedLogs start(String julLoggerName, Level julLevel) {
        return new CapturedLogs(Logger.getLogger(julLoggerName), julLevel,
                r -> r.getLevel().intValue() >= julLevel.intValue(), true, new JettyLog(line -> false));
    }

    /**
     * Jetty's log lines that {@code expected} accepts are captured and not printed (a warning a test provokes on
     * purpose and checks itself); every other line is printed as usual. No JUL record is captured.
     */
    public static CapturedLogs holdBackJetty(Predicate<String> expected) {
        return new CapturedLogs(null, null, r -> false, false, new JettyLog(expected));
    }

    /**
     * The records of {@code logger} (and its children) that {@code expected} accepts are captured and not printed;
     * every other record goes on to the parent loggers' handlers as if nothing were installed. The logger's level is
     * left as it is. Keep a strong reference to {@code logger}: JUL keeps only weak ones.
     */
    public static CapturedLogs holdBack(Logger logger, Predicate<LogRecord> expected) {
        return new CapturedLogs(logger, null, expected, true, null);
    }

    /** The records of {@code loggerName} ("" for all) at {@code level} or above are captured, and printed as usual. */
    public static CapturedLogs watch(String loggerName, Level level) {
        return new CapturedLogs(Logger.getLogger(loggerName), null, r -> r.getLevel().intValue() >= level.intValue(), false, null);
    }

    /** The JUL records captured so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each captured JUL record as one line: {@code LEVEL logger: message}. */
    public List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    /** Whether Jetty's log is captured too ({@link #start}). */
    public boolean capturesJetty() {
        return jetty != null;
    }

    /** What Jetty logged while open, held back or not ({@link #start}, {@link #holdBackJetty}). */
    public String jetty() {
        return jetty.text();
    }

    /** Jetty lines at WARN or ERROR level (its format: {@code timestamp:LEVEL :name:thread: message}). */
    public List<String> jettyWarnings() {
        List<String> out = new ArrayList<>();
        for (String line : jetty().split("\n")) {
            if (line.contains(":WARN ") || line.contains(":ERROR") || line.contains("Exception")) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void publish(LogRecord record) {
        if (captured.test(record)) {
            records.add(record);
            if (heldBack) {
                return;
            }
        }
        if (heldBack) {
            for (Logger l = logger.getParent(); l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
                for (Handler h : l.getHandlers()) {
                    h.publish(record);
                }
            }
        }
    }

    @Override
    public void flush() {
    }

    /** Restores the logger (and Jetty's appender) as they were. */
    @Override
    public void close() {
        if (logger != null) {
            logger.removeHandler(this);
            logger.setUseParentHandlers(originalUseParent);
            logger.setLevel(originalLevel);
        }
        if (jetty != null) {
            jetty.close();
        }
    }

    /**
     * Jetty's slf4j appender, teed line by line: every line is kept, and printed unless held back. In its own
     * class so that the JUL captures load without Jetty's logging.
     */
    private static final class JettyLog {
        private final StdErrAppender appender;
        private final PrintStream originalStream;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Predicate<String> heldBack;
        private final PrintStream printed;

        JettyLog(Predicate<String> heldBack) {
            this.heldBack = heldBack;
            JettyLogger root = (JettyLogger) LoggerFactory.getLogger("org.eclipse.jetty");
            this.appender = (StdErrAppender) root.getAppender();
            this.originalStream = appender.getStream();
            // Jetty's appender has no stream of its own until one is set: it then writes to System.err.
            this.printed = originalStream != null ? originalStream : System.err;
            appender.setStream(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (text) {
                        text.write(b);
                        line.write(b);
                        if (b == '\n') {
                            endLine();
                        }
                    }
                }
            }, true, StandardCharsets.UTF_8));
        }

        /** Prints the line so far unless it is held back. */
        private void endLine() {
            if (line.size() > 0 && !heldBack.test(line.toString(StandardCharsets.UTF_8))) {
                printed.write(line.toByteArray(), 0, line.size());
            }
            line.reset();
        }

        String text() {
            synchronized (text) {
                return text.toString(StandardCharsets.UTF_8);
            }
        }

        void close() {
            appender.setStream(originalStream);
            synchronized (text) {
                endLine();
            }
        }
    }
}
