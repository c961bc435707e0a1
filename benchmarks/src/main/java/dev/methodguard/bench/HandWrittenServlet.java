package dev.methodguard.bench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The control for the end-to-end rejections: {@link ItemsServlet} that itself writes, byte for byte,
 * the 405 and 501 MethodGuard would send (same status, headers and body, precomputed constants, no
 * escaping). MethodGuard's rejections against this servlet show what the filter adds; this servlet
 * against the container's own 405/501 shows what the bigger, correct response costs on the wire.
 */
public class HandWrittenServlet extends ItemsServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] BODY_405 = ("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
            + "\"method\":\"DELETE\",\"path\":\"/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_501 = ("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"The server does not implement the requested method.\","
            + "\"method\":\"PROPFIND\",\"path\":\"/items/1\"}").getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException, IOException {
        switch (req.getMethod()) {
            case "DELETE" -> {
                resp.setStatus(405);
                resp.setHeader("Allow", "GET, HEAD, OPTIONS, POST");
                write(resp, BODY_405);
            }
            case "PROPFIND" -> {
                resp.setStatus(501);
                write(resp, BODY_501);
            }
            default -> super.service(req, resp);
        }
    }

    private static void write(HttpServletResponse resp, byte[] body) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType("application/json");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
