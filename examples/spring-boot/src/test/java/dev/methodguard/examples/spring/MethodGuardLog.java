package dev.methodguard.examples.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.Extension;

/**
 * Captures what MethodGuard logs (System.Logger, which the JDK sends to java.util.logging, logger
 * {@code dev.methodguard}) with a JUL handler of its own, so tests assert on log records, not on stdout.
 * The handler is installed when JUnit registers this extension, before any Spring context starts; Spring
 * Boot's bridge (JUL → SLF4J) sits on the root logger and keeps printing the records as before.
 */
final class MethodGuardLog implements Extension {
    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its handler. */
    private static final Logger LOGGER = Logger.getLogger("dev.methodguard");
    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    static {
        LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                RECORDS.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    static List<LogRecord> records() {
        return List.copyOf(RECORDS);
    }

    /** The formatted messages at or above {@code level}. */
    static List<String> messages(Level level) {
        return RECORDS.stream()
                .filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(FORMATTER::formatMessage)
                .collect(Collectors.toList());
    }
}
