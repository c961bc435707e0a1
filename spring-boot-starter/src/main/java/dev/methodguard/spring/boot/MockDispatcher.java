package dev.methodguard.spring.boot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What MockMvc lacks and MethodGuard needs: a DispatcherServlet registration in the servlet context (MockMvc
 * registers none) and requests that name it (MockMvc's requests name no servlet). Used only when the filter is
 * initialized in a servlet context without the DispatcherServlet's registration, i.e. under MockMvc: a real
 * server's requests never pass through here.
 */
final class MockDispatcher {
    private MockDispatcher() {
    }

    /** The filter config with a servlet context that also holds a registration of the DispatcherServlet. */
    static FilterConfig config(FilterConfig config, String servletName, String servletClass) {
        ServletContext context = context(config.getServletContext(), new Registration(servletName, servletClass));
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return config.getFilterName();
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return config.getInitParameter(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return config.getInitParameterNames();
            }
        };
    }

    private static ServletContext context(ServletContext real, Registration dispatcher) {
        return (ServletContext) Proxy.newProxyInstance(MockDispatcher.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getServletRegistrations":
                            if (method.getParameterCount() == 0) {
                                Map<String, ServletRegistration> all = new LinkedHashMap<>(safeRegistrations(real));
                                all.put(dispatcher.getName(), dispatcher);
                                return all;
                            }
                            break;
                        case "getServletRegistration":
                            if (args != null && args.length == 1 && dispatcher.getName().equals(args[0])) {
                                return dispatcher;
                            }
                            break;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "MockMvc servlet context with " + dispatcher.getName();
                        default:
                            break;
                    }
                    return invoke(method, real, args);
                });
    }

    private static Map<String, ? extends ServletRegistration> safeRegistrations(ServletContext real) {
        try {
            Map<String, ? extends ServletRegistration> r = real.getServletRegistrations();
            return r == null ? Map.of() : r;
        } catch (UnsupportedOperationException e) {
            return Map.of();
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A request that names the DispatcherServlet, as a real server's request does. */
    static HttpServletRequest request(HttpServletRequest request, HttpServletMapping mapping) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public HttpServletMapping getHttpServletMapping() {
                return mapping;
            }
        };
    }

    /** Passes the original request on, so that the application sees MockMvc's own request object. */
    static FilterChain unwrapping(FilterChain chain, HttpServletRequest wrapper, HttpServletRequest original) {
        return (req, res) -> chain.doFilter(req == wrapper ? original : req, res);
    }

    /** The mapping of a request to the DispatcherServlet under MockMvc: its path is the request's path info. */
    static HttpServletMapping mapping(String servletName) {
        return new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "/";
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
    }

    /** The DispatcherServlet's registration, as Spring Boot makes it on a real server: mapped to "/". */
    private record Registration(String name, String className) implements ServletRegistration {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getClassName() {
            return className;
        }

        @Override
        public Set<String> addMapping(String... urlPatterns) {
            return Set.of();
        }

        @Override
        public Collection<String> getMappings() {
            return List.of("/");
        }

        @Override
        public String getRunAsRole() {
            return null;
        }

        @Override
        public boolean setInitParameter(String name, String value) {
            return false;
        }

        @Override
        public String getInitParameter(String name) {
            return null;
        }

        @Override
        public Set<String> setInitParameters(Map<String, String> initParameters) {
            return Set.of();
        }

        @Override
        public Map<String, String> getInitParameters() {
            return Collections.emptyMap();
        }
    }
}
