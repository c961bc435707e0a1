package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Explicit {@code @HEAD} and {@code @OPTIONS}: the application answers them itself, with headers of its own. */
@Path("/meta")
public class Meta {
    @GET
    public String get() {
        return "meta";
    }

    @HEAD
    public Response head() {
        return Response.ok().header("X-Meta", "head").build();
    }

    @OPTIONS
    public Response options() {
        return Response.ok().header("Allow", "GET, HEAD, OPTIONS").header("X-Meta", "options").build();
    }
}
