package dev.methodguard.examples.annotations;

import dev.methodguard.MethodGuardFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;

/**
 * MethodGuard, registered by annotation: the container finds this class when it scans the WAR. The
 * one-line form is {@code public class Guard extends MethodGuardFilter {}}, with options as
 * {@code @WebFilter(initParams = ...)}; this one passes them through the builder instead.
 */
@WebFilter(filterName = "methodGuard", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class Guard extends MethodGuardFilter {
    public Guard() {
        // PATCH is known to this server (405, not 501) although no servlet allows it.
        super(MethodGuardFilter.builder().knownMethods("PATCH"));
    }
}
