package dev.methodguard;

/**
 * What MethodGuard exposes over JMX when the filter init-param {@code jmx} is {@code true} (or
 * {@link MethodGuardFilter.Builder#jmx(boolean)}): rejection counters for operators, and the policy it
 * enforces. Registered as {@code dev.methodguard:type=MethodGuardFilter,host=...,context=...,name=<filter name>}
 * at {@code init()} and unregistered at {@code destroy()}.
 */
public interface MethodGuardMBean {
    /**
     * 405 Method Not Allowed responses written since start.
     *
     * @return the count of 405 responses
     */
    long getRejected405();

    /**
     * 501 Not Implemented responses written since start.
     *
     * @return the count of 501 responses
     */
    long getRejected501();

    /**
     * OPTIONS requests answered by the filter (CORS preflights, passed on, are not counted).
     *
     * @return the count of OPTIONS requests the filter answered
     */
    long getOptionsAnswered();

    /**
     * The body format: {@code json} or {@code problem}.
     *
     * @return {@code json} or {@code problem}
     */
    String getFormat();

    /**
     * Whether TRACE may reach servlets that support it.
     *
     * @return {@code true} if TRACE may reach servlets
     */
    boolean isAllowTrace();

    /**
     * The methods the application knows, comma-separated: anything else gets 501.
     *
     * @return the known methods, comma-separated
     */
    String getKnownMethods();

    /**
     * The startup capability table: each servlet, its mappings, its allowed methods and their source.
     *
     * @return the capability table, as logged at startup
     */
    String getCapabilityTable();
}
