package dev.methodguard;

/**
 * Whether MethodGuard answers the requests it would reject, or only reports them. Report-only is the
 * first step of a rollout: deploy, read the counters and the log, then switch to {@link #ENFORCE} with no
 * other change. Chosen with the filter init-param {@code mode} or {@link MethodGuardFilter.Builder#mode}.
 */
public enum Mode {
    /** Rejections are answered (405, 501, OPTIONS); the default. */
    ENFORCE("enforce"),
    /**
     * Every request passes on untouched. Each request that {@link #ENFORCE} would reject is counted by
     * servlet and status and logged once per distinct (servlet, method, status) in a bounded window.
     */
    REPORT_ONLY("report-only");

    private final String paramValue;

    Mode(String paramValue) {
        this.paramValue = paramValue;
    }

    /** The value of the {@code mode} init-param that selects this mode. */
    public String paramValue() {
        return paramValue;
    }
}
