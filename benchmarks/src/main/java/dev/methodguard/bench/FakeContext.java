package dev.methodguard.bench;

import jakarta.servlet.ServletRegistration;
import java.util.Map;

/**
 * A servlet context that only knows its servlet registrations, its class loader and its path ("" = root);
 * it has no resources, so no /WEB-INF/web.xml with security constraints, and no attributes, so no policy
 * prepared by MethodGuard's startup listener: init() resolves it itself.
 */
final class FakeContext extends StubContext {
    private final Map<String, ? extends ServletRegistration> registrations;

    FakeContext(Map<String, ? extends ServletRegistration> registrations) {
        this.registrations = registrations;
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        return registrations;
    }

    @Override
    public ClassLoader getClassLoader() {
        return FakeContext.class.getClassLoader();
    }

    @Override
    public java.io.InputStream getResourceAsStream(String path) {
        return null;
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public String getContextPath() {
        return "";
    }
}
