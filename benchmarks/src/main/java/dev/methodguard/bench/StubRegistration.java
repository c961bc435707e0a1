package dev.methodguard.bench;

/**
 * Every method of {@code jakarta.servlet.ServletRegistration} throwing {@link UnsupportedOperationException}, so a fake overrides
 * only what the filter really calls and any other call fails loudly instead of returning a dummy value.
 * Generated once from the Servlet 6.0 API with javap; edited by hand since.
 */
@SuppressWarnings({"deprecation", "rawtypes", "unchecked"})
abstract class StubRegistration implements jakarta.servlet.ServletRegistration {
    @Override
    public java.util.Set<java.lang.String> addMapping(java.lang.String... a0) {
        throw new UnsupportedOperationException("addMapping");
    }
    @Override
    public java.lang.String getClassName() {
        throw new UnsupportedOperationException("getClassName");
    }
    @Override
    public java.lang.String getInitParameter(java.lang.String a0) {
        throw new UnsupportedOperationException("getInitParameter");
    }
    @Override
    public java.util.Map<java.lang.String, java.lang.String> getInitParameters() {
        throw new UnsupportedOperationException("getInitParameters");
    }
    @Override
    public java.util.Collection<java.lang.String> getMappings() {
        throw new UnsupportedOperationException("getMappings");
    }
    @Override
    public java.lang.String getName() {
        throw new UnsupportedOperationException("getName");
    }
    @Override
    public java.lang.String getRunAsRole() {
        throw new UnsupportedOperationException("getRunAsRole");
    }
    @Override
    public boolean setInitParameter(java.lang.String a0, java.lang.String a1) {
        throw new UnsupportedOperationException("setInitParameter");
    }
    @Override
    public java.util.Set<java.lang.String> setInitParameters(java.util.Map<java.lang.String, java.lang.String> a0) {
        throw new UnsupportedOperationException("setInitParameters");
    }
}
