package dev.methodguard;

import java.util.Map;

/**
 * What MethodGuard exposes over JMX when the filter init-param {@code jmx} is {@code true} (or
 * {@link MethodGuardFilter.Builder#jmx(boolean)}): rejection counters for operators, in total and by
 * servlet, and the policy it enforces. Registered as an MXBean (open types: the per-servlet maps are
 * tables any JMX client shows) named
 * {@code dev.methodguard:type=MethodGuardFilter,host=...,context=...,name=<filter name>} at
 * {@code init()} and unregistered at {@code destroy()}.
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
     * Requests that enforce mode would have answered with 405, passed on in report-only mode.
     *
     * @return the count
     */
    long getWouldReject405();

    /**
     * Requests that enforce mode would have answered with 501, passed on in report-only mode.
     *
     * @return the count
     */
    long getWouldReject501();

    /**
     * 405 responses by servlet name (containers' fallbacks under their names in the startup table).
     *
     * @return the counts by servlet name
     */
    Map<String, Long> getRejected405ByServlet();

    /**
     * 501 responses by servlet name.
     *
     * @return the counts by servlet name
     */
    Map<String, Long> getRejected501ByServlet();

    /**
     * Would-be 405 responses in report-only mode, by servlet name.
     *
     * @return the counts by servlet name
     */
    Map<String, Long> getWouldReject405ByServlet();

    /**
     * Would-be 501 responses in report-only mode, by servlet name.
     *
     * @return the counts by servlet name
     */
    Map<String, Long> getWouldReject501ByServlet();

    /**
     * OPTIONS requests answered by the filter (requests passed on, preflights among them, are not counted).
     *
     * @return the count
     */
    long getOptionsAnswered();

    /**
     * {@code enforce} or {@code report-only}.
     *
     * @return the value
     */
    String getMode();

    /**
     * The body format: {@code json} or {@code problem}.
     *
     * @return the value
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
