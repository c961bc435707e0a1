package dev.methodguard.examples.webxml;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A typical legacy servlet: it overrides {@code service()} and treats every method it does not know as a
 * GET, so without MethodGuard {@code PUT}, {@code TRACE} or {@code FOO} would all get a 200. Its doXxx
 * methods say nothing, so web.xml declares what it really handles with the servlet init-param
 * {@code methodguard.allowed-methods}. The class has no MethodGuard import at all.
 */
public class ItemsServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Counters.hit(getServletName());
        resp.setContentType("application/json");
        switch (req.getMethod()) {
            case "POST" -> {
                resp.setStatus(201);
                resp.getWriter().write("{\"id\":2}");
            }
            case "DELETE" -> resp.setStatus(204);
            default -> resp.getWriter().write("{\"items\":[{\"id\":1,\"name\":\"teapot\"}]}");
        }
    }
}
