package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * A container could hand the filter a method or path with raw CR/LF (Jetty and Tomcat refuse them on
 * the wire, other front ends or a wrapping filter might not). The DEBUG (JUL FINE) line MethodGuard logs
 * per rejection must stay one line, and the JSON body must stay valid and echo the value faithfully.
 */
class LogInjectionTest {
    static final List<String[]> HOSTILE = List.of(
            new String[] {"FOO\r\nSEVERE: forged admin login", "/items/1"},
            new String[] {"FOO", "/items/1\n2026-11-23 07:00:00 SEVERE dev.methodguard forged"},
            new String[] {"FOO\u2028forged", "/items/\u0085x\u001b[2J\u0000"},
            new String[] {"FOO", "/items/\\\"quoted\\\" \ud800 lone surrogate"});

    @Test
    void aMethodOrPathWithLineBreaksCannotForgeALogLineAndStaysValidJson() throws Exception {
        MethodGuardFilter filter = filter();
        ObjectMapper json = new ObjectMapper();
        List<LogRecord> records = fineRecords(() -> {
            for (String[] h : HOSTILE) {
                Fakes.Request req = new Fakes.Request("items", h[0], h[1]);
                Fakes.Response res = new Fakes.Response();
                filter.doFilter(req.proxy, res.proxy, (a, b) -> {
                    throw new AssertionError("chain called");
                });
                assertEquals(501, res.status);
                JsonNode body = json.readTree(res.body.toByteArray());
                assertEquals(h[0], body.path("method").asText());
                String expectedPath = h[1].replace('\ud800', '\ufffd');
                assertEquals(expectedPath, body.path("path").asText());
                String raw = res.body.toString(StandardCharsets.UTF_8);
                assertFalse(raw.contains("\r") || raw.contains("\n"), "raw line break in the body: " + raw);
            }
        });
        assertEquals(HOSTILE.size(), records.size(), "one FINE line per rejection");
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            assertEquals(Level.FINE, record.getLevel());
            String line = formatter.formatMessage(record);
            for (char c : line.toCharArray()) {
                assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c),
                        String.format("control character U+%04X in log line: %s", (int) c, line));
            }
            assertFalse(line.contains("\nSEVERE") || line.contains("\n2026"), line);
            assertTrue(line.endsWith(" with 501"), "the line names the status: " + line);
        }
        String first = formatter.formatMessage(records.get(0));
        assertTrue(first.contains("FOO\\u000d\\u000aSEVERE: forged admin login"), first);
    }

    @Test
    void aLongPathIsCutInTheLogLine() throws Exception {
        MethodGuardFilter filter = filter();
        List<LogRecord> records = fineRecords(() -> {
            Fakes.Request req = new Fakes.Request("items", "DELETE", "/items/" + "x".repeat(5_000));
            filter.doFilter(req.proxy, new Fakes.Response().proxy, (a, b) -> {
                throw new AssertionError("chain called");
            });
        });
        assertEquals(1, records.size());
        String line = new SimpleFormatter().formatMessage(records.get(0));
        assertTrue(line.contains("/items/" + "x".repeat(249) + "... with 501"), line);
        assertTrue(line.length() < 300, "a log line of " + line.length() + " characters");
    }

    private static MethodGuardFilter filter() throws Exception {
        MethodGuardFilter filter = new MethodGuardFilter();
        filter.init(Fakes.config(Fakes.context(Map.of("items",
                Fakes.registration("items", TestServlets.GetPost.class.getName(), Map.of(), "/items/*"))), Map.of()));
        return filter;
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with the dev.methodguard logger at FINE and returns what it logged. */
    private static List<LogRecord> fineRecords(Body body) throws Exception {
        try (CapturedLogs logs = CapturedLogs.start("dev.methodguard", Level.FINE)) {
            body.run();
            return logs.records();
        }
    }
}
