package dev.methodguard.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet of every benchmark: GET and POST, so MethodGuard's introspection allows GET, HEAD, OPTIONS,
 * POST; without the filter, HttpServlet answers DELETE with its own 405 and an unknown method (PROPFIND) with 501.
 */
public class ItemsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "{\"id\":1,\"name\":\"teapot\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setContentLength(OK.length);
        resp.getOutputStream().write(OK);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
