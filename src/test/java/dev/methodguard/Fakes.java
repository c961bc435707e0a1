package dev.methodguard;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mockito-made FilterConfig, ServletContext and registrations for unit tests of init-time logic. */
final class Fakes {
    private Fakes() {
    }

    /** Servlet name to registration, in insertion order. */
    static final class Registrations {
        final Map<String, ServletRegistration> byName = new LinkedHashMap<>();

        Registrations add(String name, String className, String... mappings) {
            return withParam(name, className, null, mappings);
        }

        /** A registration whose servlet init-param methodguard.allowed-methods is {@code allowedMethodsParam}. */
        Registrations withParam(String name, String className, String allowedMethodsParam, String... mappings) {
            ServletRegistration r = mock(ServletRegistration.class);
            when(r.getName()).thenReturn(name);
            when(r.getClassName()).thenReturn(className);
            when(r.getMappings()).thenReturn(List.of(mappings));
            when(r.getInitParameter(InitParams.SERVLET_ALLOWED_METHODS)).thenReturn(allowedMethodsParam);
            byName.put(name, r);
            return this;
        }

        Registrations add(String name, Class<?> servletClass, String... mappings) {
            return withParam(name, servletClass.getName(), null, mappings);
        }

        /** A registration with one servlet init-param of the container's own, e.g. Tomcat's {@code readonly}. */
        Registrations withInitParam(String name, String className, String param, String value, String... mappings) {
            add(name, className, mappings);
            when(byName.get(name).getInitParameter(param)).thenReturn(value);
            return this;
        }
    }

    static Registrations registrations() {
        return new Registrations();
    }

    static ServletContext context(Registrations regs) {
        ServletContext context = mock(ServletContext.class);
        when(context.getServletRegistrations()).thenAnswer(i -> regs.byName);
        when(context.getContextPath()).thenReturn("");
        when(context.getClassLoader()).thenReturn(Fakes.class.getClassLoader());
        return context;
    }

    static FilterConfig config(Registrations regs, Map<String, String> params) {
        FilterConfig config = mock(FilterConfig.class);
        ServletContext context = context(regs);
        when(config.getFilterName()).thenReturn("methodGuard");
        when(config.getServletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(params.keySet()));
        params.forEach((k, v) -> when(config.getInitParameter(k)).thenReturn(v));
        return config;
    }
}
