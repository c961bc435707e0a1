package dev.methodguard.examples.annotations;

import dev.methodguard.AllowedMethods;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Overrides {@code service()} and treats every method it does not know as a GET, so its doXxx methods
 * say nothing: {@code @AllowedMethods} declares what it really handles.
 */
@WebServlet(name = "items", urlPatterns = "/items/*")
@AllowedMethods({"GET", "POST", "DELETE"})
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
