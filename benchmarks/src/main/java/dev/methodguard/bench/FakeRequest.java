package dev.methodguard.bench;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

/**
 * A request as the filter sees it: method, URI, dispatcher type and the servlet mapping, all fixed at
 * construction so that calling them allocates nothing (as in a real container, where the method string
 * is usually a cached constant). Everything else throws.
 */
final class FakeRequest extends StubRequest {
    private final String method;
    private final String uri;
    private final HttpServletMapping mapping;

    FakeRequest(String method, String uri, String servletName) {
        this.method = method;
        this.uri = uri;
        this.mapping = new Mapping(servletName);
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

    private record Mapping(String getServletName) implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/*";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.PATH;
        }
    }
}
