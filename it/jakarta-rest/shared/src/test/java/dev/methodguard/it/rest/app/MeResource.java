package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A literal class path next to users/{user}: Jakarta REST picks this class for /users/me/profile too (then 404). */
@Path("users/me")
public class MeResource {
    @GET
    public String me() {
        return "me";
    }
}
