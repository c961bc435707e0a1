package dev.methodguard;

import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the JUL records a test expects from a logger (and checks itself) off the console; every other record
 * goes on to the parent loggers' handlers as if nothing were installed. JUL only, so that it loads where Jetty's
 * logging is not on the class path (the Tomcat tests).
 */
final class HeldBackRecords extends Handler {
    private final Logger logger;
    private final Predicate<LogRecord> expected;
    private final List<LogRecord> into;

    private HeldBackRecords(Logger logger, Predicate<LogRecord> expected, List<LogRecord> into) {
        this.logger = logger;
        this.expected = expected;
        this.into = into;
    }

    /** Installs on {@code logger}: records {@code expected} accepts go {@code into} the list, the rest on as usual. */
    static HeldBackRecords install(Logger logger, Predicate<LogRecord> expected, List<LogRecord> into) {
        HeldBackRecords h = new HeldBackRecords(logger, expected, into);
        logger.setUseParentHandlers(false);
        logger.addHandler(h);
        return h;
    }

    /** Restores the logger as it was. */
    void remove() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }

    @Override
    public void publish(LogRecord record) {
        if (expected.test(record)) {
            into.add(record);
            return;
        }
        for (Logger l = logger.getParent(); l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
            for (Handler h : l.getHandlers()) {
                h.publish(record);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
