package dev.methodguard.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The routed servlet of the microbenchmarks: a front controller that overrides {@code service()}, so
 * introspection says nothing about it and only its route table (the builder's {@code routes(...)}) declares
 * its methods. The benchmarks never run it (their chain is {@link CountingChain}).
 */
public class FrontController extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
        resp.setStatus(204);
    }
}
