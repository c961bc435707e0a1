package dev.methodguard.examples.webxml;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A plain HttpServlet with only doGet: MethodGuard introspects it (GET, HEAD, OPTIONS), nothing is declared. */
public class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Counters.hit(getServletName());
        resp.setContentType("text/plain");
        resp.getWriter().write("hello\n");
    }
}
