package dev.methodguard;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Passes an OPTIONS request on (to a servlet that answers OPTIONS itself, or to a CORS handler) while
 * keeping one {@code Allow} in the application: MethodGuard's. Whatever the servlet writes into
 * {@code Allow} (HttpServlet's default lists TRACE, unsorted) is replaced; every other header it sends,
 * such as {@code Accept-Patch} or {@code DAV}, stays.
 */
final class AllowHeaderResponse extends HttpServletResponseWrapper {
    private final String allow;

    AllowHeaderResponse(HttpServletResponse response, String allow) {
        super(response);
        this.allow = allow;
        response.setHeader("Allow", allow);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, isAllow(name) ? allow : value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (isAllow(name)) {
            super.setHeader(name, allow);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void reset() {
        super.reset();
        super.setHeader("Allow", allow);
    }

    private static boolean isAllow(String name) {
        return "Allow".equalsIgnoreCase(name);
    }
}
