package dev.methodguard;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * What one servlet supports, with everything a response needs precomputed once: the set tested on each
 * request, the {@code Allow} header value and the JSON fragment {@code ,"allowed":[...]}}.
 */
final class Capability {
    /** Where a servlet's methods came from, in the order the rules are tried. */
    enum Source {
        BUILDER("builder"),
        INIT_PARAM("init-param " + InitParams.SERVLET_ALLOWED_METHODS),
        ANNOTATION("@AllowedMethods"),
        CONTAINER_DEFAULT("container default"),
        INTROSPECTION("introspection"),
        UNDECLARED("undeclared");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    final String servletName;
    final List<String> mappings;
    final Source source;
    /** Why a servlet is undeclared, or what was changed in a declared one (HEAD refused); else {@code null}. */
    final String note;
    private final Set<String> allowed;
    private final Set<String> allowedView;
    final String allowHeader;
    /** {@code ,"allowed":["GET",...]}} closing a 405 body, in both formats. */
    final byte[] allowedJsonTail;

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note) {
        this.servletName = servletName;
        this.mappings = List.copyOf(mappings);
        this.source = source;
        this.note = note;
        // A HashSet (masked hash) rather than Set.copyOf (floorMod): this is the set test of every request.
        // Never written after construction; allowed() hands out a read-only view.
        this.allowed = allowed == null ? Set.of() : new HashSet<>(allowed);
        this.allowedView = Collections.unmodifiableSet(this.allowed);
        this.allowHeader = allowed == null ? "" : String.join(", ", allowed);
        this.allowedJsonTail = allowed == null ? new byte[0] : jsonTail(allowed);
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed) {
        return declared(servletName, mappings, source, allowed, null);
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note) {
        return new Capability(servletName, mappings, source, allowed, note);
    }

    static Capability undeclared(String servletName, List<String> mappings, String why) {
        return new Capability(servletName, mappings, Source.UNDECLARED, null, why);
    }

    boolean isDeclared() {
        return source != Source.UNDECLARED;
    }

    boolean allows(String method) {
        return allowed.contains(method);
    }

    Set<String> allowed() {
        return allowedView;
    }

    private static byte[] jsonTail(SortedSet<String> allowed) {
        // Method names are validated tokens: no character in them needs JSON escaping.
        StringBuilder b = new StringBuilder(",\"allowed\":[");
        boolean first = true;
        for (String m : allowed) {
            b.append(first ? "\"" : ",\"").append(m).append('"');
            first = false;
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
