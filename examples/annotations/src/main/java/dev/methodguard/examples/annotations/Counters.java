package dev.methodguard.examples.annotations;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How often each servlet (and hello.jsp) of this WAR actually ran, so a probe can tell a rejected request never reached one. */
public final class Counters {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private Counters() {
    }

    public static void hit(String servletName) {
        COUNTS.computeIfAbsent(servletName, k -> new AtomicLong()).incrementAndGet();
    }

    /** {@code {"hello":1,"items":3}}: servlet names are plain words from @WebServlet(name), no escaping needed. */
    static String json() {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, AtomicLong> e : new TreeMap<>(COUNTS).entrySet()) {
            b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue().get());
        }
        return b.append('}').toString();
    }
}
