package dev.methodguard.it.rest.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every request the framework itself processes, matched or not (a pre-matching filter runs before
 * resource matching), per application base path ("/ctx/api/"): the proof that the framework ran.
 */
@Provider
@PreMatching
public class Hits implements ContainerRequestFilter {
    private static final Map<String, AtomicInteger> BY_BASE = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        BY_BASE.computeIfAbsent(request.getUriInfo().getBaseUri().getPath(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests the framework has processed in this context ("/plain"): under every base path inside it. */
    public static int count(String contextPath) {
        int n = 0;
        for (Map.Entry<String, AtomicInteger> e : BY_BASE.entrySet()) {
            if (e.getKey().startsWith(contextPath + "/")) {
                n += e.getValue().get();
            }
        }
        return n;
    }
}
