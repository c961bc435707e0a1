package dev.methodguard;

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
 * The init-param grammar: the names of the filter's init-params and how each value is read (what is accepted,
 * and the message when it is not). {@code MethodGuardFilter.Builder} applies them, so init-params and code fill
 * the same builder (as Caffeine's {@code CaffeineSpec} fills {@code Caffeine}) and share one set of rules.
 * Also names the servlet init-params that declare a servlet's methods or routes in {@code web.xml}.
 */
final class InitParams {
    static final String KNOWN_METHODS = "known-methods";
    static final String FORMAT = "format";
    static final String ALLOW_TRACE = "allow-trace";
    static final String JMX = "jmx";
    static final String MODE = "mode";
    static final String PREFLIGHT = "preflight";
    static final String ERROR_BODY = "error-body";
    static final List<String> ALL = List.of(KNOWN_METHODS, FORMAT, ALLOW_TRACE, JMX, MODE, PREFLIGHT, ERROR_BODY);

    /** The servlet init-param that declares a servlet's methods in web.xml. */
    static final String SERVLET_ALLOWED_METHODS = "methodguard.allowed-methods";
    /** The servlet init-param that declares a servlet's route table in web.xml, one route per line. */
    static final String SERVLET_ROUTES = "methodguard.routes";

    private InitParams() {
    }

    /** A filter's init-params, in the container's order. */
    static Map<String, String> of(FilterConfig config) {
        Map<String, String> params = new LinkedHashMap<>();
        if (config.getInitParameterNames() != null) {
            for (String name : Collections.list(config.getInitParameterNames())) {
                params.put(name, config.getInitParameter(name));
            }
        }
        return params;
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
    static ErrorBodyFactory errorBody(String className, ClassLoader loader) {
        String name = className == null ? "" : className.strip();
        Class<?> c = Classes.load(name, loader).orElseThrow(() -> new IllegalArgumentException(
                "no class of that name can be loaded; accepted: the name of a class implementing "
                        + ErrorBodyFactory.class.getName() + " with a public no-argument constructor"));
        if (!ErrorBodyFactory.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("class " + name + " does not implement " + ErrorBodyFactory.class.getName());
        }
        try {
            return (ErrorBodyFactory) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalArgumentException("class " + name + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the constructor of " + name + " threw " + e.getCause());
        } catch (LinkageError e) {
            // Loaded without initializing (Classes.load): a failing static initializer shows here.
            throw new IllegalArgumentException("class " + name + " cannot be initialized: " + e);
        }
    }

    /** The failure of a bad init-param: the filter, the parameter, the value, and why (what is accepted). */
    static ServletException rejected(String label, String name, String value, IllegalArgumentException why) {
        return new ServletException(label + ": init-param '" + Escape.forLog(name, 100) + "' = " + Methods.quote(value) + ": "
                + why.getMessage());
    }

    static String filterLabel(String filterName) {
        return "MethodGuardFilter '" + Escape.forLog(filterName, 100) + "'";
    }
}
