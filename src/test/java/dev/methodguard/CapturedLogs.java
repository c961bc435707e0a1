package dev.methodguard;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures, while open, everything Jetty logs (its slf4j appender, still echoed to stderr) and every JUL
 * record (where {@code System.Logger}, hence MethodGuard, logs by default) at or above a level.
 */
final class CapturedLogs implements AutoCloseable {
    private final StdErrAppender appender;
    private final PrintStream originalStream;
    private final ByteArrayOutputStream jetty = new ByteArrayOutputStream();
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger julLogger;
    private final boolean originalUseParent;
    private final Level originalLevel;
    private final Handler handler;

    private CapturedLogs(String julLoggerName, Level julLevel) {
        JettyLogger root = (JettyLogger) LoggerFactory.getLogger("org.eclipse.jetty");
        this.appender = (StdErrAppender) root.getAppender();
        this.originalStream = appender.getStream();
        // Jetty's appender has no stream of its own until one is set: it then writes to System.err.
        PrintStream original = originalStream != null ? originalStream : System.err;
        appender.setStream(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (jetty) {
                    jetty.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (jetty) {
                    jetty.write(b, off, len);
                }
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        this.julLogger = Logger.getLogger(julLoggerName);
        this.originalLevel = julLogger.getLevel();
        julLogger.setLevel(julLevel);
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(julLevel);
        julLogger.addHandler(handler);
        // Captured, not printed as well: a test that expects a SEVERE record must not leave it on the console.
        this.originalUseParent = julLogger.getUseParentHandlers();
        julLogger.setUseParentHandlers(false);
    }

    /** Jetty's log and JUL records of {@code julLoggerName} (use "" for all) at {@code julLevel} or above. */
    static CapturedLogs start(String julLoggerName, Level julLevel) {
        return new CapturedLogs(julLoggerName, julLevel);
    }

    String jetty() {
        synchronized (jetty) {
            return jetty.toString(StandardCharsets.UTF_8);
        }
    }

    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Jetty lines at WARN or ERROR level (its format: {@code timestamp:LEVEL :name:thread: message}). */
    List<String> jettyWarnings() {
        List<String> out = new ArrayList<>();
        for (String line : jetty().split("\n")) {
            if (line.contains(":WARN ") || line.contains(":ERROR") || line.contains("Exception")) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void close() {
        appender.setStream(originalStream);
        julLogger.removeHandler(handler);
        julLogger.setUseParentHandlers(originalUseParent);
        julLogger.setLevel(originalLevel);
    }
}
