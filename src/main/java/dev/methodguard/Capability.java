package dev.methodguard;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * What one target supports, with everything a response needs precomputed once: the set tested on each
 * request, the {@code Allow} header value, the JSON tail {@code ,"allowed":[...]}} and what to do with
 * OPTIONS. A target is a servlet, a container fallback (unmapped paths, files served outside any
 * servlet) or one route of a routed servlet.
 */
final class Capability {
    /** Where a servlet's methods came from, in the order the rules are tried. */
    enum Source {
        BUILDER("builder"),
        INIT_PARAM("init-param " + InitParams.SERVLET_ALLOWED_METHODS),
        ANNOTATION("@AllowedMethods"),
        CONTAINER_DEFAULT("container default"),
        FRAMEWORK("framework"),
        CONTAINER_FALLBACK("container fallback"),
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
    final List<String> allowedList;
    final String allowHeader;
    /** {@code ,"allowed":["GET",...]}} closing a 405 body, in both formats. */
    final byte[] allowedJsonTail;
    /** The servlet handles OPTIONS itself (it overrides doOptions, or OPTIONS was declared explicitly). */
    final boolean ownsOptions;
    /** A CORS preflight passes on to the chain (decided at init() from the preflight rule). */
    final boolean passesPreflight;
    final Counters counters;

    private Capability(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                       boolean ownsOptions, boolean passesPreflight, Counters counters) {
        this.servletName = servletName;
        this.mappings = List.copyOf(mappings);
        this.source = source;
        this.note = note;
        // A HashSet (masked hash) rather than Set.copyOf (floorMod): this is the set test of every request.
        // Never written after construction; allowed() hands out a read-only view.
        this.allowed = allowed == null ? Set.of() : new HashSet<>(allowed);
        this.allowedView = Collections.unmodifiableSet(this.allowed);
        this.allowedList = allowed == null ? List.of() : List.copyOf(allowed);
        this.allowHeader = String.join(", ", allowedList);
        this.allowedJsonTail = WireFormat.allowedTail(allowedList);
        this.ownsOptions = ownsOptions;
        this.passesPreflight = passesPreflight;
        this.counters = counters;
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed, String note,
                               boolean ownsOptions, boolean passesPreflight) {
        return new Capability(servletName, mappings, source, allowed, note, ownsOptions, passesPreflight, new Counters());
    }

    static Capability declared(String servletName, List<String> mappings, Source source, SortedSet<String> allowed) {
        return declared(servletName, mappings, source, allowed, null, false, false);
    }

    static Capability undeclared(String servletName, List<String> mappings, String why) {
        return new Capability(servletName, mappings, Source.UNDECLARED, null, why, false, false, new Counters());
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
}
