package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The custom @PROPFIND next to GET, and alone on a sub-path. */
@Path("dav")
public class DavResource {
    @GET
    public String get() {
        return "collection";
    }

    @PROPFIND
    public Response propfind() {
        return Response.status(207).entity("<multistatus/>").build();
    }

    @PROPFIND
    @Path("{name}")
    public Response propfindMember(@PathParam("name") String name) {
        return Response.status(207).entity("<multistatus/>").build();
    }
}
