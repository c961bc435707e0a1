package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;

/** {@code @PATCH} (Jakarta REST 3.1). */
@Path("/patchy")
public class Patchy {
    @GET
    public String get() {
        return "patchy";
    }

    @PATCH
    public String patch() {
        return "patched";
    }
}
