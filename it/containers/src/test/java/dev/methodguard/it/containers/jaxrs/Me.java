package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** The current user: the same requests as {@link Users} could match, another class, other methods. */
@Path("/users/me")
public class Me {
    @GET
    public String get() {
        return "me";
    }

    @PUT
    public void put() {
    }
}
