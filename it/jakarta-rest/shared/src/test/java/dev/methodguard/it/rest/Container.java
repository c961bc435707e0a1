package dev.methodguard.it.rest;

import jakarta.servlet.Filter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One embedded server, started once with every application of the run, each in its own context. */
public interface Container extends AutoCloseable {
    /** One web application: one Jakarta REST servlet, its parameters, and MethodGuard on /* or nothing. */
    record Deployment(String contextPath, Path docBase, String servletName, String servletClass, String mapping,
                      Map<String, String> initParams, Map<String, String> contextParams, Filter filter) {
    }

    /** Starts the server on 127.0.0.1, port 0, with these applications; returns the port. */
    int start(List<Deployment> apps) throws Exception;

    /** What the container itself does before any filter or servlet runs, for the comparison's notes. */
    String notes();
}
