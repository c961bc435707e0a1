package dev.methodguard;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads the filter's init-params into the same {@link MethodGuardFilter.Builder} that programmatic users
 * call, so both paths share one set of rules. Unknown parameter names are rejected: a typo such as
 * {@code allow_trace} must not silently leave the default in force.
 */
final class InitParams {
    static final String KNOWN_METHODS = "known-methods";
    static final String FORMAT = "format";
    static final String ALLOW_TRACE = "allow-trace";
    static final String JMX = "jmx";
    static final List<String> ALL = List.of(KNOWN_METHODS, FORMAT, ALLOW_TRACE, JMX);

    /** The servlet init-param that declares a servlet's methods in web.xml. */
    static final String SERVLET_ALLOWED_METHODS = "methodguard.allowed-methods";

    private InitParams() {
    }

    static List<String> names(FilterConfig config) {
        return config.getInitParameterNames() == null ? List.of() : Collections.list(config.getInitParameterNames());
    }

    static Settings parse(FilterConfig config) throws ServletException {
        MethodGuardFilter.Builder builder = MethodGuardFilter.builder();
        for (String name : names(config)) {
            String value = config.getInitParameter(name);
            try {
                switch (name) {
                    case KNOWN_METHODS -> builder.knownMethods(Methods.parseList(value).toArray(String[]::new));
                    case FORMAT -> builder.format(parseFormat(value));
                    case ALLOW_TRACE -> builder.allowTrace(parseBoolean(value));
                    case JMX -> builder.jmx(parseBoolean(value));
                    default -> throw new IllegalArgumentException("is not a MethodGuard parameter; accepted: " + String.join(", ", ALL));
                }
            } catch (IllegalArgumentException e) {
                throw new ServletException(filterLabel(config) + ": init-param '" + Escape.forLog(name, 100) + "' = "
                        + Methods.quote(value) + ": " + e.getMessage());
            }
        }
        return builder.settings();
    }

    static BodyFormat parseFormat(String value) {
        BodyFormat f = value == null ? null : BodyFormat.fromParam(value);
        if (f == null) {
            throw new IllegalArgumentException("not a format; accepted: json, problem");
        }
        return f;
    }

    /** Only {@code true} or {@code false} (any case): a typo must fail, not turn into {@code false}. */
    static boolean parseBoolean(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean; accepted: true, false");
        };
    }

    static String filterLabel(FilterConfig config) {
        return "MethodGuardFilter '" + Escape.forLog(config.getFilterName(), 100) + "'";
    }
}
