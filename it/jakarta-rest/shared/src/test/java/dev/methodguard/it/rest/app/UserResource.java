package dev.methodguard.it.rest.app;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A template in the class @Path; {@link MeResource} (users/me) outranks it as a class (§3.7.2 step 1). */
@Path("users/{user}")
public class UserResource {
    @GET
    public String get(@PathParam("user") String user) {
        return "user " + user;
    }

    @DELETE
    public Response delete(@PathParam("user") String user) {
        return Response.noContent().build();
    }

    @GET
    @Path("profile")
    public String profile(@PathParam("user") String user) {
        return "profile of " + user;
    }

    @PUT
    @Path("profile")
    public String putProfile(@PathParam("user") String user, String body) {
        return "profile stored";
    }
}
