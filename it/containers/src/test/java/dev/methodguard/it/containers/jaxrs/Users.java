package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Any user; overlaps with {@link Me}, whose literal path wins for {@code /users/me}. */
@Path("/users/{user}")
public class Users {
    @GET
    public String get(@PathParam("user") String user) {
        return "user " + user;
    }

    @DELETE
    public void delete(@PathParam("user") String user) {
    }
}
