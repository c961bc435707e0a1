package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A resource that answers OPTIONS itself, with the Allow the framework would send and a header of its own. */
@Path("opts")
public class OptionsResource {
    public static final String HEADER = "X-Options-By";

    @GET
    public String get() {
        return "opts";
    }

    @OPTIONS
    public Response options() {
        return Response.ok().header("Allow", "GET, HEAD, OPTIONS").header(HEADER, "resource").build();
    }
}
