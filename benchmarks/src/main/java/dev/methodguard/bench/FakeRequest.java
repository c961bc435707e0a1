package dev.methodguard.bench;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

/**
 * A request as the filter sees it: method, URI, dispatcher type, servlet path, path info and the servlet
 * mapping, all fixed at construction so that calling them allocates nothing (as in a real container, where
 * the method string is usually a cached constant and the decoded paths are computed once per request).
 * Everything else throws.
 */
final class FakeRequest extends StubRequest {
    private final String method;
    private final String uri;
    private final String servletPath;
    private final String pathInfo;
    private final HttpServletMapping mapping;

    /** A request to a servlet mapped to {@code /*}: the whole URI is its path info. */
    FakeRequest(String method, String uri, String servletName) {
        this(method, uri, servletName, "", uri, "/*", MappingMatch.PATH);
    }

    /**
     * A request as a container presents it for {@code pattern}: for {@code /api/*} (PATH) servletPath {@code /api}
     * and pathInfo the rest; for {@code /} (DEFAULT) the whole path as servletPath and pathInfo {@code null}.
     */
    FakeRequest(String method, String uri, String servletName, String servletPath, String pathInfo, String pattern,
                MappingMatch match) {
        this.method = method;
        this.uri = uri;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        String matchValue = pathInfo == null ? servletPath.substring(servletPath.isEmpty() ? 0 : 1)
                : pathInfo.substring(pathInfo.isEmpty() ? 0 : 1);
        this.mapping = new Mapping(servletName, matchValue, pattern, match);
    }

    /** A request to a servlet mapped to {@code prefix + "/*"}, e.g. {@code ("/api", "/items/1")}. */
    static FakeRequest underPath(String method, String prefix, String pathInfo, String servletName) {
        return new FakeRequest(method, prefix + pathInfo, servletName, prefix, pathInfo, prefix + "/*", MappingMatch.PATH);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return mapping;
    }

    @Override
    public String getHeader(String name) {
        return null;
    }

    private record Mapping(String getServletName, String getMatchValue, String getPattern, MappingMatch getMappingMatch)
            implements HttpServletMapping {
    }
}
