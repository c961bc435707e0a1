package dev.methodguard.bench;

/**
 * Every method of {@code jakarta.servlet.ServletContext} throwing {@link UnsupportedOperationException}, so a fake overrides
 * only what the filter really calls and any other call fails loudly instead of returning a dummy value.
 * Generated once from the Servlet 6.0 API with javap; edited by hand since.
 */
@SuppressWarnings({"deprecation", "rawtypes", "unchecked"})
abstract class StubContext implements jakarta.servlet.ServletContext {
    @Override
    public jakarta.servlet.FilterRegistration.Dynamic addFilter(java.lang.String a0, jakarta.servlet.Filter a1) {
        throw new UnsupportedOperationException("addFilter");
    }
    @Override
    public jakarta.servlet.FilterRegistration.Dynamic addFilter(java.lang.String a0, java.lang.Class<? extends jakarta.servlet.Filter> a1) {
        throw new UnsupportedOperationException("addFilter");
    }
    @Override
    public jakarta.servlet.FilterRegistration.Dynamic addFilter(java.lang.String a0, java.lang.String a1) {
        throw new UnsupportedOperationException("addFilter");
    }
    @Override
    public jakarta.servlet.ServletRegistration.Dynamic addJspFile(java.lang.String a0, java.lang.String a1) {
        throw new UnsupportedOperationException("addJspFile");
    }
    @Override
    public <T extends java.util.EventListener> void addListener(T a0) {
        throw new UnsupportedOperationException("addListener");
    }
    @Override
    public void addListener(java.lang.Class<? extends java.util.EventListener> a0) {
        throw new UnsupportedOperationException("addListener");
    }
    @Override
    public void addListener(java.lang.String a0) {
        throw new UnsupportedOperationException("addListener");
    }
    @Override
    public jakarta.servlet.ServletRegistration.Dynamic addServlet(java.lang.String a0, jakarta.servlet.Servlet a1) {
        throw new UnsupportedOperationException("addServlet");
    }
    @Override
    public jakarta.servlet.ServletRegistration.Dynamic addServlet(java.lang.String a0, java.lang.Class<? extends jakarta.servlet.Servlet> a1) {
        throw new UnsupportedOperationException("addServlet");
    }
    @Override
    public jakarta.servlet.ServletRegistration.Dynamic addServlet(java.lang.String a0, java.lang.String a1) {
        throw new UnsupportedOperationException("addServlet");
    }
    @Override
    public <T extends jakarta.servlet.Filter> T createFilter(java.lang.Class<T> a0) throws jakarta.servlet.ServletException {
        throw new UnsupportedOperationException("createFilter");
    }
    @Override
    public <T extends java.util.EventListener> T createListener(java.lang.Class<T> a0) throws jakarta.servlet.ServletException {
        throw new UnsupportedOperationException("createListener");
    }
    @Override
    public <T extends jakarta.servlet.Servlet> T createServlet(java.lang.Class<T> a0) throws jakarta.servlet.ServletException {
        throw new UnsupportedOperationException("createServlet");
    }
    @Override
    public void declareRoles(java.lang.String... a0) {
        throw new UnsupportedOperationException("declareRoles");
    }
    @Override
    public java.lang.Object getAttribute(java.lang.String a0) {
        throw new UnsupportedOperationException("getAttribute");
    }
    @Override
    public java.util.Enumeration<java.lang.String> getAttributeNames() {
        throw new UnsupportedOperationException("getAttributeNames");
    }
    @Override
    public java.lang.ClassLoader getClassLoader() {
        throw new UnsupportedOperationException("getClassLoader");
    }
    @Override
    public jakarta.servlet.ServletContext getContext(java.lang.String a0) {
        throw new UnsupportedOperationException("getContext");
    }
    @Override
    public java.lang.String getContextPath() {
        throw new UnsupportedOperationException("getContextPath");
    }
    @Override
    public java.util.Set<jakarta.servlet.SessionTrackingMode> getDefaultSessionTrackingModes() {
        throw new UnsupportedOperationException("getDefaultSessionTrackingModes");
    }
    @Override
    public int getEffectiveMajorVersion() {
        throw new UnsupportedOperationException("getEffectiveMajorVersion");
    }
    @Override
    public int getEffectiveMinorVersion() {
        throw new UnsupportedOperationException("getEffectiveMinorVersion");
    }
    @Override
    public java.util.Set<jakarta.servlet.SessionTrackingMode> getEffectiveSessionTrackingModes() {
        throw new UnsupportedOperationException("getEffectiveSessionTrackingModes");
    }
    @Override
    public jakarta.servlet.FilterRegistration getFilterRegistration(java.lang.String a0) {
        throw new UnsupportedOperationException("getFilterRegistration");
    }
    @Override
    public java.util.Map<java.lang.String, ? extends jakarta.servlet.FilterRegistration> getFilterRegistrations() {
        throw new UnsupportedOperationException("getFilterRegistrations");
    }
    @Override
    public java.lang.String getInitParameter(java.lang.String a0) {
        throw new UnsupportedOperationException("getInitParameter");
    }
    @Override
    public java.util.Enumeration<java.lang.String> getInitParameterNames() {
        throw new UnsupportedOperationException("getInitParameterNames");
    }
    @Override
    public jakarta.servlet.descriptor.JspConfigDescriptor getJspConfigDescriptor() {
        throw new UnsupportedOperationException("getJspConfigDescriptor");
    }
    @Override
    public int getMajorVersion() {
        throw new UnsupportedOperationException("getMajorVersion");
    }
    @Override
    public java.lang.String getMimeType(java.lang.String a0) {
        throw new UnsupportedOperationException("getMimeType");
    }
    @Override
    public int getMinorVersion() {
        throw new UnsupportedOperationException("getMinorVersion");
    }
    @Override
    public jakarta.servlet.RequestDispatcher getNamedDispatcher(java.lang.String a0) {
        throw new UnsupportedOperationException("getNamedDispatcher");
    }
    @Override
    public java.lang.String getRealPath(java.lang.String a0) {
        throw new UnsupportedOperationException("getRealPath");
    }
    @Override
    public java.lang.String getRequestCharacterEncoding() {
        throw new UnsupportedOperationException("getRequestCharacterEncoding");
    }
    @Override
    public jakarta.servlet.RequestDispatcher getRequestDispatcher(java.lang.String a0) {
        throw new UnsupportedOperationException("getRequestDispatcher");
    }
    @Override
    public java.net.URL getResource(java.lang.String a0) throws java.net.MalformedURLException {
        throw new UnsupportedOperationException("getResource");
    }
    @Override
    public java.io.InputStream getResourceAsStream(java.lang.String a0) {
        throw new UnsupportedOperationException("getResourceAsStream");
    }
    @Override
    public java.util.Set<java.lang.String> getResourcePaths(java.lang.String a0) {
        throw new UnsupportedOperationException("getResourcePaths");
    }
    @Override
    public java.lang.String getResponseCharacterEncoding() {
        throw new UnsupportedOperationException("getResponseCharacterEncoding");
    }
    @Override
    public java.lang.String getServerInfo() {
        throw new UnsupportedOperationException("getServerInfo");
    }
    @Override
    public java.lang.String getServletContextName() {
        throw new UnsupportedOperationException("getServletContextName");
    }
    @Override
    public jakarta.servlet.ServletRegistration getServletRegistration(java.lang.String a0) {
        throw new UnsupportedOperationException("getServletRegistration");
    }
    @Override
    public java.util.Map<java.lang.String, ? extends jakarta.servlet.ServletRegistration> getServletRegistrations() {
        throw new UnsupportedOperationException("getServletRegistrations");
    }
    @Override
    public jakarta.servlet.SessionCookieConfig getSessionCookieConfig() {
        throw new UnsupportedOperationException("getSessionCookieConfig");
    }
    @Override
    public int getSessionTimeout() {
        throw new UnsupportedOperationException("getSessionTimeout");
    }
    @Override
    public java.lang.String getVirtualServerName() {
        throw new UnsupportedOperationException("getVirtualServerName");
    }
    @Override
    public void log(java.lang.String a0) {
        throw new UnsupportedOperationException("log");
    }
    @Override
    public void log(java.lang.String a0, java.lang.Throwable a1) {
        throw new UnsupportedOperationException("log");
    }
    @Override
    public void removeAttribute(java.lang.String a0) {
        throw new UnsupportedOperationException("removeAttribute");
    }
    @Override
    public void setAttribute(java.lang.String a0, java.lang.Object a1) {
        throw new UnsupportedOperationException("setAttribute");
    }
    @Override
    public boolean setInitParameter(java.lang.String a0, java.lang.String a1) {
        throw new UnsupportedOperationException("setInitParameter");
    }
    @Override
    public void setRequestCharacterEncoding(java.lang.String a0) {
        throw new UnsupportedOperationException("setRequestCharacterEncoding");
    }
    @Override
    public void setResponseCharacterEncoding(java.lang.String a0) {
        throw new UnsupportedOperationException("setResponseCharacterEncoding");
    }
    @Override
    public void setSessionTimeout(int a0) {
        throw new UnsupportedOperationException("setSessionTimeout");
    }
    @Override
    public void setSessionTrackingModes(java.util.Set<jakarta.servlet.SessionTrackingMode> a0) {
        throw new UnsupportedOperationException("setSessionTrackingModes");
    }
}
