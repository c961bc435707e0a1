package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** An explicit @HEAD next to @GET. */
@Path("head")
public class HeadResource {
    @GET
    public String get() {
        return "body";
    }

    @HEAD
    public Response head() {
        return Response.ok().header("X-Head", "own").build();
    }
}
