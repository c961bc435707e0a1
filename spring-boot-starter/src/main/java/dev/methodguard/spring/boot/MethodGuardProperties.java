package dev.methodguard.spring.boot;

import dev.methodguard.BodyFormat;
import dev.methodguard.Mode;
import dev.methodguard.Preflight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code methodguard.*} properties of the starter. Every one is optional: without any, MethodGuard guards the
 * {@code DispatcherServlet} with routes derived from its handler mappings and answers in JSON.
 */
@ConfigurationProperties(prefix = "methodguard")
public class MethodGuardProperties {
    /** The order of MethodGuard's filter between the observation filter and the Spring Security filter chain. */
    public static final int DEFAULT_ORDER = -99;

    /** Whether the starter registers MethodGuard in front of the DispatcherServlet. */
    private boolean enabled = true;

    /** Enforce (answer 405, 501 and OPTIONS) or report-only (count and log what would be rejected, reject nothing). */
    private Mode mode = Mode.ENFORCE;

    /** Body of 405 and 501 answers: json (application/json) or problem (RFC 9457 application/problem+json). */
    private BodyFormat format = BodyFormat.JSON;

    /** Whether TRACE may reach handlers that serve it; false answers TRACE with 405. */
    private boolean allowTrace = false;

    /**
     * What happens to CORS preflights. Spring MVC answers them itself (@CrossOrigin, CorsRegistry), so the starter
     * passes them on by default; "answer" makes MethodGuard answer them like a plain OPTIONS (no CORS headers).
     */
    private Preflight preflight = Preflight.PASS;

    /** Methods the server knows although no handler serves them: they get 405 instead of 501 (e.g. PROPFIND). */
    private List<String> knownMethods = new ArrayList<>();

    /** Whether to register MethodGuard's counters as a JMX MXBean as well. */
    private boolean jmx = false;

    /**
     * The filter's order. The default, -99, runs MethodGuard after Spring's observation filter (so
     * http.server.requests records its 405 and 501) and right after the Spring Security filter chain (-100), so an
     * unauthenticated request to a protected route is answered by Security (401/403) and learns nothing about the
     * route's methods. -101 or less puts MethodGuard before Security.
     */
    private int order = DEFAULT_ORDER;

    /**
     * Extra routes, template to methods (e.g. methodguard.routes[/legacy/{id}]=GET,POST), added to those derived from
     * the handler mappings; for handlers whose methods cannot be read. Templates are relative to the DispatcherServlet.
     */
    private Map<String, List<String>> routes = new LinkedHashMap<>();

    /**
     * Whether to derive the DispatcherServlet's routes from its handler mappings. With false, only
     * methodguard.routes judge it.
     */
    private boolean deriveRoutes = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public BodyFormat getFormat() {
        return format;
    }

    public void setFormat(BodyFormat format) {
        this.format = format;
    }

    public boolean isAllowTrace() {
        return allowTrace;
    }

    public void setAllowTrace(boolean allowTrace) {
        this.allowTrace = allowTrace;
    }

    public Preflight getPreflight() {
        return preflight;
    }

    public void setPreflight(Preflight preflight) {
        this.preflight = preflight;
    }

    public List<String> getKnownMethods() {
        return knownMethods;
    }

    public void setKnownMethods(List<String> knownMethods) {
        this.knownMethods = knownMethods;
    }

    public boolean isJmx() {
        return jmx;
    }

    public void setJmx(boolean jmx) {
        this.jmx = jmx;
    }

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    public Map<String, List<String>> getRoutes() {
        return routes;
    }

    public void setRoutes(Map<String, List<String>> routes) {
        this.routes = routes;
    }

    public boolean isDeriveRoutes() {
        return deriveRoutes;
    }

    public void setDeriveRoutes(boolean deriveRoutes) {
        this.deriveRoutes = deriveRoutes;
    }
}
