package dev.methodguard;

/**
 * The path within a servlet as Jersey and RESTEasy route on it: the request URI as sent (not decoded, not
 * normalized), after the context path and the servlet path, with matrix parameters removed. So {@code %2F}
 * is no separator, {@code %34%32} is not {@code 42} for a regex, {@code //} is not {@code /} — exactly as
 * the frameworks see it (Jersey: {@code ContainerRequest.getPath(false)}, {@code SingleMatchResult}; RESTEasy:
 * its encoded matching path). The container's decoded {@code getPathInfo()} would place some requests on a
 * route the framework does not choose.
 *
 * <p>The context's canonical path (as the context was deployed, read once at init()) and the decoded servlet
 * path are lined up with the raw URI character by character: where that fails (an escape, a {@code ;} or a
 * {@code //} inside them), the request cannot be placed exactly, and it passes through. Nothing is allocated but for a path with matrix parameters.
 */
final class RawPath {
    private RawPath() {
    }

    /**
     * Where the path within the servlet starts in {@code uri}, or -1 when it cannot be placed. Under a path
     * mapping ({@code /api/*}) it follows the servlet path; under any other mapping the servlet path is the
     * whole path, and the raw URI must spell it exactly.
     */
    static int start(String uri, String contextPath, String servletPath, boolean pathMapping) {
        if (uri == null) {
            return -1;
        }
        String ctx = contextPath == null ? "" : contextPath;
        String sp = servletPath == null ? "" : servletPath;
        if (!uri.startsWith(ctx)) {
            return -1;
        }
        int c = ctx.length();
        if (!pathMapping) {
            return uri.length() - c == sp.length() && uri.startsWith(sp, c) ? c : -1;
        }
        if (!uri.startsWith(sp, c)) {
            return -1;
        }
        int p = c + sp.length();
        return p == uri.length() || uri.charAt(p) == '/' ? p : -1;
    }

    /** Whether {@code uri[from, ...)} has matrix parameters ({@code ;a=b} in a segment). */
    static boolean hasMatrix(String uri, int from) {
        return uri.indexOf(';', from) >= 0;
    }

    /**
     * {@code uri[from, ...)} without matrix parameters: in each segment, what follows a {@code ;} up to the
     * next {@code /} is dropped, as Jersey's {@code SingleMatchResult.stripMatrixParams} does.
     */
    static String stripMatrix(String uri, int from) {
        StringBuilder b = new StringBuilder(uri.length() - from);
        int i = from;
        while (i < uri.length()) {
            int semi = uri.indexOf(';', i);
            if (semi < 0) {
                b.append(uri, i, uri.length());
                break;
            }
            b.append(uri, i, semi);
            int slash = uri.indexOf('/', semi);
            if (slash < 0) {
                break;
            }
            i = slash;
        }
        return b.toString();
    }
}
