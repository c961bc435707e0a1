package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** GET only. */
@Path("ping")
public class PingResource {
    @GET
    public String ping() {
        return "pong";
    }
}
