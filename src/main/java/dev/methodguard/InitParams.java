package dev.methodguard;

import static dev.methodguard.SettingsBuilder.ALLOW_TRACE;
import static dev.methodguard.SettingsBuilder.ERROR_BODY;
import static dev.methodguard.SettingsBuilder.FORMAT;
import static dev.methodguard.SettingsBuilder.JMX;
import static dev.methodguard.SettingsBuilder.KNOWN_METHODS;
import static dev.methodguard.SettingsBuilder.MODE;
import static dev.methodguard.SettingsBuilder.PREFLIGHT;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a filter's init-params into the same {@link SettingsBuilder} that programmatic users fill, so
 * both paths share one set of rules. Unknown parameter names are rejected: a typo such as
 * {@code allow_trace} must not silently leave the default in force.
 */
final class InitParams {
    static final List<String> ALL = List.of(KNOWN_METHODS, FORMAT, ALLOW_TRACE, JMX, MODE, PREFLIGHT, ERROR_BODY);

    /** The servlet init-param that declares a servlet's methods in web.xml. */
    static final String SERVLET_ALLOWED_METHODS = "methodguard.allowed-methods";
    /** The servlet init-param that declares a servlet's route table in web.xml, one route per line. */
    static final String SERVLET_ROUTES = "methodguard.routes";

    private InitParams() {
    }

    static List<String> names(FilterConfig config) {
        return config.getInitParameterNames() == null ? List.of() : Collections.list(config.getInitParameterNames());
    }

    static Map<String, String> of(FilterConfig config) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : names(config)) {
            params.put(name, config.getInitParameter(name));
        }
        return params;
    }

    static Settings parse(FilterConfig config) throws ServletException {
        return parse(filterLabel(config.getFilterName()), of(config), Thread.currentThread().getContextClassLoader());
    }

    /** Parses init-params; {@code loader} loads an {@code error-body} class. */
    static Settings parse(String label, Map<String, String> params, ClassLoader loader) throws ServletException {
        SettingsBuilder builder = new SettingsBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            try {
                switch (name) {
                    case KNOWN_METHODS -> builder.knownMethods(Methods.parseList(value).toArray(String[]::new));
                    case FORMAT -> builder.format(choice(value, BodyFormat.values(), BodyFormat::paramValue, "a format"));
                    case ALLOW_TRACE -> builder.allowTrace(parseBoolean(value));
                    case JMX -> builder.jmx(parseBoolean(value));
                    case MODE -> builder.mode(choice(value, Mode.values(), Mode::paramValue, "a mode"));
                    case PREFLIGHT -> builder.preflight(choice(value, Preflight.values(), Preflight::paramValue, "a preflight rule"));
                    case ERROR_BODY -> builder.errorBody(errorBody(value, loader));
                    default -> throw new IllegalArgumentException("is not a MethodGuard parameter; accepted: " + String.join(", ", ALL));
                }
            } catch (IllegalArgumentException ex) {
                throw new ServletException(label + ": init-param '" + Escape.forLog(name, 100) + "' = "
                        + Methods.quote(value) + ": " + ex.getMessage());
            }
        }
        return builder.build();
    }

    /** The constant whose init-param value this is, ignoring case and surrounding blanks; else a message listing them. */
    static <E extends Enum<E>> E choice(String value, E[] constants, Function<E, String> paramValue, String what) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        List<String> accepted = new ArrayList<>();
        for (E e : constants) {
            if (paramValue.apply(e).equals(v)) {
                return e;
            }
            accepted.add(paramValue.apply(e));
        }
        throw new IllegalArgumentException("not " + what + "; accepted: " + String.join(", ", accepted));
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

    /** Instantiates the named {@link ErrorBodyFactory} once, at init(); its failures name the class. */
    private static ErrorBodyFactory errorBody(String className, ClassLoader loader) {
        String name = className == null ? "" : className.strip();
        try {
            Class<?> c = Class.forName(name, true, loader == null ? InitParams.class.getClassLoader() : loader);
            if (!ErrorBodyFactory.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("class " + name + " does not implement " + ErrorBodyFactory.class.getName());
            }
            return (ErrorBodyFactory) c.getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no class of that name can be loaded; accepted: the name of a class implementing "
                    + ErrorBodyFactory.class.getName() + " with a public no-argument constructor");
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalArgumentException("class " + name + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the constructor of " + name + " threw " + e.getCause());
        }
    }

    static String filterLabel(String filterName) {
        return "MethodGuardFilter '" + Escape.forLog(filterName, 100) + "'";
    }
}
