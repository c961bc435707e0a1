package dev.methodguard;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one home of the effective-method rule: what a declared target (a servlet, a route, a container
 * fallback) answers, given what it declares. HEAD comes with GET (Servlet 6.1 §2.3.2: {@code doHead} runs
 * {@code doGet}); OPTIONS is always answered (by the target or by MethodGuard); TRACE only with
 * {@code allow-trace=true}, and then for an introspected {@code HttpServlet} whether or not it overrides
 * {@code doTrace} (it inherits one); HEAD is refused where a security constraint covers GET but not HEAD
 * (a constraint gap: HEAD would run {@code doGet} unprotected), which fails closed.
 *
 * @param allowed     the effective methods, sorted (the order of {@code Allow})
 * @param headRefused HEAD would be allowed but for the constraint gap: the resolver warns about it
 */
record EffectiveMethods(SortedSet<String> allowed, boolean headRefused) {
    EffectiveMethods {
        allowed = Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
    }

    /**
     * @param declared      the methods the target declares
     * @param allowTrace    the {@code allow-trace} option
     * @param inheritsTrace the target is an introspected {@code HttpServlet}, which answers TRACE by inheritance
     * @param headGap       a security constraint covers GET on the target's mappings but not HEAD
     */
    static EffectiveMethods of(Collection<String> declared, boolean allowTrace, boolean inheritsTrace, boolean headGap) {
        TreeSet<String> allowed = new TreeSet<>(declared);
        addHeadWithGet(allowed);
        allowed.add(Methods.OPTIONS);
        if (!allowTrace) {
            allowed.remove(Methods.TRACE);
        } else if (inheritsTrace) {
            allowed.add(Methods.TRACE);
        }
        boolean headRefused = headGap && allowed.remove(Methods.HEAD);
        return new EffectiveMethods(allowed, headRefused);
    }

    /**
     * HEAD comes with GET: the part of the rule that also holds where a framework, not MethodGuard, answers
     * OPTIONS (a Jakarta REST resource's own methods) and for the methods the application knows.
     */
    static void addHeadWithGet(java.util.Set<String> methods) {
        if (methods.contains(Methods.GET)) {
            methods.add(Methods.HEAD);
        }
    }
}
