package dev.methodguard;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Light hand-written fakes of the Servlet API (dynamic proxies: no invocation recording, so 100,000
 * calls stay cheap), for unit tests of init() and doFilter() without a container.
 */
final class HardeningFakes {
    private HardeningFakes() {
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(HardeningFakes.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
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
            Object v = answer.apply(m.getName(), args);
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

    static ServletContext context(Map<String, ServletRegistration> registrations) {
        return proxy(ServletContext.class, (m, a) -> switch (m) {
            case "getServletRegistrations" -> registrations;
            case "getServletRegistration" -> registrations.get((String) a[0]);
            case "getContextPath" -> "";
            case "getClassLoader" -> HardeningFakes.class.getClassLoader();
            default -> null;
        });
    }

    static FilterConfig filterConfig(ServletContext context, Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(params);
        return proxy(FilterConfig.class, (m, a) -> switch (m) {
            case "getFilterName" -> "methodGuard";
            case "getServletContext" -> context;
            case "getInitParameterNames" -> Collections.enumeration(p.keySet());
            case "getInitParameter" -> p.get((String) a[0]);
            default -> null;
        });
    }

    /** A REQUEST dispatch whose method and path the test may change between calls. */
    static final class Request {
        String method;
        String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        final HttpServletRequest proxy;

        Request(String servletName, String method, String path) {
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
                    return servletName;
                }

                @Override
                public MappingMatch getMappingMatch() {
                    return MappingMatch.PATH;
                }
            };
            this.proxy = proxy(HttpServletRequest.class, (m, a) -> switch (m) {
                case "getMethod" -> this.method;
                case "getRequestURI" -> this.path;
                case "getDispatcherType" -> DispatcherType.REQUEST;
                case "getHttpServletMapping" -> mapping;
                case "getHeader" -> headers.get((String) a[0]);
                default -> null;
            });
        }
    }

    /** Records status, headers and body; {@link #reset()} between calls. */
    static final class Response {
        int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
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
                switch (m) {
                    case "setStatus" -> status = (Integer) a[0];
                    case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                    case "setContentLength" -> headers.put("Content-Length", String.valueOf(a[0]));
                    case "getOutputStream" -> {
                        return out;
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
        }
    }
}
