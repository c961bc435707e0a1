package dev.methodguard;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The unit tests' one set of Servlet API fakes: hand-written dynamic proxies with plain fields a test sets
 * and reads (no mocking library, no invocation recording beyond what a fake keeps on purpose, so 100,000
 * calls stay cheap). A method a fake does not answer returns {@code null}, {@code false} or {@code 0}.
 */
final class Fakes {
    private Fakes() {
    }

    /** A proxy of {@code type} answering each call with {@code answer.apply(methodName, args)}. */
    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            switch (m.getName()) {
                case "toString" -> {
                    return "fake " + type.getSimpleName();
                }
                case "hashCode" -> {
                    return System.identityHashCode(p);
                }
                case "equals" -> {
                    return p == args[0];
                }
                default -> {
                }
            }
            Object v = answer.apply(m.getName(), args == null ? new Object[0] : args);
            if (v == null && m.getReturnType().isPrimitive()) {
                Class<?> r = m.getReturnType();
                if (r == boolean.class) {
                    return Boolean.FALSE;
                }
                if (r == int.class) {
                    return Integer.valueOf(0);
                }
                if (r == long.class) {
                    return Long.valueOf(0);
                }
                return null;
            }
            return v;
        });
    }

    /** What was called on a fake that keeps a log: {@code name[arg, ...]} per call, in order. */
    static final class Calls {
        final List<String> log = new ArrayList<>();

        void add(String name, Object... args) {
            log.add(name + Arrays.deepToString(args));
        }

        /** How many calls of {@code name} with exactly these arguments. */
        int count(String name, Object... args) {
            String call = name + Arrays.deepToString(args);
            return (int) log.stream().filter(call::equals).count();
        }

        /** Whether {@code name} was called at all, with any arguments. */
        boolean any(String name) {
            return log.stream().anyMatch(c -> c.startsWith(name + "["));
        }

        boolean none() {
            return log.isEmpty();
        }

        @Override
        public String toString() {
            return log.toString();
        }
    }

    /** A servlet registration: class name, mappings, init-params. */
    static ServletRegistration registration(String name, String className, Map<String, String> params, String... mappings) {
        return proxy(ServletRegistration.class, (m, a) -> switch (m) {
            case "getName" -> name;
            case "getClassName" -> className;
            case "getMappings" -> List.of(mappings);
            case "getInitParameter" -> params.get((String) a[0]);
            case "getInitParameters" -> params;
            default -> null;
        });
    }

    /** Servlet name to registration, in insertion order. */
    static final class Registrations {
        final Map<String, ServletRegistration> byName = new LinkedHashMap<>();

        Registrations add(String name, String className, String... mappings) {
            return withParam(name, className, null, mappings);
        }

        Registrations add(String name, Class<?> servletClass, String... mappings) {
            return withParam(name, servletClass.getName(), null, mappings);
        }

        /** A registration with one servlet init-param of the container's own, e.g. Tomcat's {@code readonly}. */
        Registrations withInitParam(String name, String className, String param, String value, String... mappings) {
            byName.put(name, registration(name, className, Map.of(param, value), mappings));
            return this;
        }

        /** A registration whose servlet init-param methodguard.allowed-methods is {@code allowedMethodsParam}. */
        Registrations withParam(String name, String className, String allowedMethodsParam, String... mappings) {
            Map<String, String> params = allowedMethodsParam == null ? Map.of()
                    : Map.of(InitParams.SERVLET_ALLOWED_METHODS, allowedMethodsParam);
            byName.put(name, registration(name, className, params, mappings));
            return this;
        }
    }

    static Registrations registrations() {
        return new Registrations();
    }

    /** A ServletContext: registrations, context path, virtual server name and resources a test may set. */
    static final class Context {
        final Map<String, ServletRegistration> registrations;
        String contextPath = "";
        String virtualServerName = "localhost";
        /** Path (e.g. {@code /WEB-INF/web.xml}) to content, for getResourceAsStream. */
        final Map<String, byte[]> resources = new LinkedHashMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
        /** What getClassLoader answers (embedded Jetty answers null when the context has no loader of its own). */
        ClassLoader classLoader = Fakes.class.getClassLoader();
        /** What getResourcePaths answers for a directory; none by default. */
        java.util.function.Function<String, Set<String>> resourcePaths = dir -> null;
        /** Filter name to registration, for getFilterRegistrations (the startup listener and CORS filters). */
        final Map<String, jakarta.servlet.FilterRegistration> filters = new LinkedHashMap<>();
        final ServletContext proxy;

        Context(Map<String, ServletRegistration> registrations) {
            this.registrations = registrations;
            this.proxy = proxy(ServletContext.class, (m, a) -> switch (m) {
                case "getServletRegistrations" -> this.registrations;
                case "getServletRegistration" -> this.registrations.get((String) a[0]);
                case "getContextPath" -> contextPath;
                case "getVirtualServerName" -> virtualServerName;
                case "getClassLoader" -> classLoader;
                case "getResourceAsStream" -> resources.containsKey((String) a[0]) ? new ByteArrayInputStream(resources.get((String) a[0])) : null;
                case "getFilterRegistrations" -> filters;
                case "getResourcePaths" -> resourcePaths.apply((String) a[0]);
                case "getAttribute" -> attributes.get((String) a[0]);
                case "setAttribute" -> attributes.put((String) a[0], a[1]);
                case "removeAttribute" -> attributes.remove((String) a[0]);
                default -> null;
            });
        }
    }

    /** A filter registration: class name, init-params, URL patterns. */
    static jakarta.servlet.FilterRegistration filter(String name, String className, Map<String, String> params, String... urlPatterns) {
        return proxy(jakarta.servlet.FilterRegistration.class, (m, a) -> switch (m) {
            case "getName" -> name;
            case "getClassName" -> className;
            case "getInitParameters" -> params;
            case "getInitParameter" -> params.get((String) a[0]);
            case "getUrlPatternMappings" -> List.of(urlPatterns);
            case "getServletNameMappings" -> List.of();
            default -> null;
        });
    }

    static ServletContext context(Registrations regs) {
        return new Context(regs.byName).proxy;
    }

    static ServletContext context(Map<String, ServletRegistration> registrations) {
        return new Context(registrations).proxy;
    }

    /** A FilterConfig: filter name, context and init-params (in order). */
    static final class Config {
        String filterName = "methodGuard";
        final Map<String, String> params;
        final FilterConfig proxy;

        Config(ServletContext context, Map<String, String> params) {
            this.params = new LinkedHashMap<>(params);
            this.proxy = proxy(FilterConfig.class, (m, a) -> switch (m) {
                case "getFilterName" -> filterName;
                case "getServletContext" -> context;
                case "getInitParameterNames" -> Collections.enumeration(this.params.keySet());
                case "getInitParameter" -> this.params.get((String) a[0]);
                default -> null;
            });
        }
    }

    static FilterConfig config(Registrations regs, Map<String, String> params) {
        return new Config(context(regs), params).proxy;
    }

    static FilterConfig config(ServletContext context, Map<String, String> params) {
        return new Config(context, params).proxy;
    }

    /**
     * An HTTP request mapped to {@code servletName} (no mapping at all if {@code null}); a test may change
     * method, path, dispatcher type and headers between calls. {@link #called} names every method the code
     * under test called on it.
     */
    static final class Request {
        String method;
        String path;
        String servletName;
        String servletPath = "";
        String pathInfo;
        MappingMatch mappingMatch = MappingMatch.PATH;
        DispatcherType dispatcherType = DispatcherType.REQUEST;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Set<String> called = new LinkedHashSet<>();
        final HttpServletRequest proxy;

        Request(String servletName, String method, String path) {
            this.servletName = servletName;
            this.method = method;
            this.path = path;
            HttpServletMapping mapping = new HttpServletMapping() {
                @Override
                public String getMatchValue() {
                    return "";
                }

                @Override
                public String getPattern() {
                    return "/*";
                }

                @Override
                public String getServletName() {
                    return Request.this.servletName;
                }

                @Override
                public MappingMatch getMappingMatch() {
                    return mappingMatch;
                }
            };
            this.proxy = proxy(HttpServletRequest.class, (m, a) -> {
                called.add(m);
                return switch (m) {
                    case "getMethod" -> this.method;
                    case "getRequestURI" -> this.path;
                    case "getDispatcherType" -> dispatcherType;
                    case "getHttpServletMapping" -> this.servletName == null ? null : mapping;
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> null;
                };
            });
        }
    }

    /**
     * Keeps status, headers (setHeader and addHeader, and Content-Type and Content-Length) and body, and
     * logs every call in {@link #calls}; {@link #reset()} between requests.
     */
    static final class Response {
        int status;
        /** What isCommitted() answers: an earlier filter may have sent the response already. */
        boolean committed;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final Calls calls = new Calls();
        final HttpServletResponse proxy;

        Response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
            this.proxy = proxy(HttpServletResponse.class, (m, a) -> {
                calls.add(m, a);
                switch (m) {
                    case "setStatus" -> status = (Integer) a[0];
                    case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                    case "setContentLength" -> headers.put("Content-Length", String.valueOf(a[0]));
                    case "getOutputStream" -> {
                        return out;
                    }
                    case "isCommitted" -> {
                        return committed;
                    }
                    default -> {
                    }
                }
                return null;
            });
        }

        void reset() {
            status = 0;
            headers.clear();
            body.reset();
            calls.log.clear();
        }
    }

    /** A FilterChain that remembers each request and response passed down. */
    static final class Chain implements FilterChain {
        final List<Object[]> passed = new ArrayList<>();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            passed.add(new Object[] {request, response});
        }

        /** Whether the chain was called exactly once, with exactly these two objects. */
        boolean passedOnce(ServletRequest request, ServletResponse response) {
            return passed.size() == 1 && passed.get(0)[0] == request && passed.get(0)[1] == response;
        }
    }
}
