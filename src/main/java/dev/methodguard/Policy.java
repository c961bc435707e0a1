package dev.methodguard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The immutable result of {@code init()}: each declared servlet's capability by servlet name, and the
 * set of methods the application knows. Requests only read it.
 */
final class Policy {
    private final Map<String, Capability> declared;
    private final Set<String> known;
    final List<Capability> all;
    final Settings settings;
    /** What init() should warn about: undeclared servlets, HEAD refused, an unreadable web.xml. */
    final List<String> warnings;

    Policy(List<Capability> capabilities, Settings settings, List<String> warnings) {
        this.all = List.copyOf(capabilities);
        this.settings = settings;
        this.warnings = List.copyOf(warnings);
        Map<String, Capability> byName = new HashMap<>();
        Set<String> k = new TreeSet<>(settings.knownMethods());
        k.add(Methods.OPTIONS);
        k.add(Methods.TRACE); // a standard method we know; refused with 405 unless allow-trace=true
        for (Capability c : capabilities) {
            if (c.isDeclared()) {
                byName.put(c.servletName, c);
                k.addAll(c.allowed());
            }
        }
        if (k.contains(Methods.GET)) {
            k.add(Methods.HEAD); // even where HEAD is refused because of a security-constraint gap: a 405, not a 501
        }
        // HashMap and HashSet, not Map.copyOf/Set.copyOf: their lookups mask the hash where the immutable
        // collections take a floorMod (a division), which measurably slowed the pass-through path as the map
        // grew (BENCHMARKS.md). Both are private, built here and never written again.
        this.declared = new HashMap<>(byName);
        this.known = new HashSet<>(k);
    }

    /** The capability of a declared servlet; {@code null} for undeclared or unknown names. */
    Capability capability(String servletName) {
        return servletName == null ? null : declared.get(servletName);
    }

    /** How many servlets are declared; for tests that prove requests never grow the policy. */
    int declaredCount() {
        return declared.size();
    }

    boolean isKnown(String method) {
        return known.contains(method);
    }

    /** The known methods, sorted; a copy (for the startup table, JMX and tests). */
    Set<String> known() {
        return new TreeSet<>(known);
    }

    /** The startup table: every servlet, its mappings, its methods and where they came from. */
    String describe(String contextPath) {
        StringBuilder b = new StringBuilder();
        b.append("MethodGuard policy for context '").append(contextPath).append("' (format=")
                .append(settings.format().paramValue()).append(", allow-trace=").append(settings.allowTrace()).append(")\n");
        int wName = "servlet".length();
        int wMap = "mappings".length();
        int wAllow = "allowed".length();
        for (Capability c : all) {
            wName = Math.max(wName, c.servletName.length());
            wMap = Math.max(wMap, String.join(" ", c.mappings).length());
            wAllow = Math.max(wAllow, c.isDeclared() ? c.allowHeader.length() : 1);
        }
        String row = "  %-" + wName + "s  %-" + wMap + "s  %-" + wAllow + "s  %s%n";
        b.append(String.format(row, "servlet", "mappings", "allowed", "source"));
        for (Capability c : all) {
            String source = c.isDeclared()
                    ? c.source.label + (c.note == null ? "" : "; " + c.note)
                    : c.source.label + " (" + c.note + "): passes through";
            b.append(String.format(row, c.servletName, String.join(" ", c.mappings), c.isDeclared() ? c.allowHeader : "-", source));
        }
        b.append("  known methods: ").append(String.join(", ", known()));
        return b.toString();
    }
}
