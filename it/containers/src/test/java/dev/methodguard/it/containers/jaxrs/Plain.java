package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A plain path, GET and POST. */
@Path("/plain")
public class Plain {
    @GET
    public String get() {
        return "plain";
    }

    @POST
    public String post() {
        return "posted";
    }
}
