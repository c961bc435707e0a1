package dev.methodguard;

/**
 * What MethodGuard does with a CORS preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}). Whatever the choice, a servlet that does not handle OPTIONS
 * itself never runs for one unless a CORS handler is said to sit after MethodGuard, and every
 * {@code Allow} header the response carries is MethodGuard's. Chosen with the filter init-param
 * {@code preflight} or {@link MethodGuardFilter.Builder#preflight}.
 */
public enum Preflight {
    /**
     * The default: a preflight passes on when the target servlet handles OPTIONS itself, or when a CORS
     * filter MethodGuard recognizes by class name (Tomcat's {@code CorsFilter}, Jetty's
     * {@code CrossOriginFilter}, Spring's {@code CorsFilter}, ...) is mapped over the target; otherwise
     * it is answered like a plain OPTIONS.
     */
    AUTO("auto"),
    /** Preflights always pass on: a CORS handler after MethodGuard (a filter, or the framework) answers them. */
    PASS("pass"),
    /** Preflights are answered like a plain OPTIONS (no CORS headers), unless the servlet handles OPTIONS itself. */
    ANSWER("answer");

    private final String paramValue;

    Preflight(String paramValue) {
        this.paramValue = paramValue;
    }

    /** The value of the {@code preflight} init-param that selects this behaviour. */
    public String paramValue() {
        return paramValue;
    }
}
