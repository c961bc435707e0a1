package dev.methodguard;

import java.util.Map;
import java.util.Set;

/**
 * The validated configuration, as given by the builder or parsed from init-params, before it meets the
 * servlet registrations at {@code init()}.
 *
 * @param servlets    servlet name to the methods the builder declares for it
 * @param knownMethods methods known to the server although no servlet allows them
 * @param jmx          whether to register the counters as an MBean
 */
record Settings(Map<String, Set<String>> servlets, Set<String> knownMethods, BodyFormat format, boolean allowTrace,
                boolean jmx) {
    Settings {
        servlets = Map.copyOf(servlets);
        knownMethods = Set.copyOf(knownMethods);
    }
}
