package dev.methodguard.bench;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;

/** A filter config without init-params (the benchmarks configure the filter with its builder). */
final class FakeFilterConfig implements FilterConfig {
    private final ServletContext context;

    FakeFilterConfig(ServletContext context) {
        this.context = context;
    }

    @Override
    public String getFilterName() {
        return "methodguard";
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public String getInitParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.emptyEnumeration();
    }
}
