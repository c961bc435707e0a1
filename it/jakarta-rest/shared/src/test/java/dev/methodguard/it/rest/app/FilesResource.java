package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A catch-all {path: .*} below a collection that takes POST at the class path itself. */
@Path("files")
public class FilesResource {
    @POST
    public Response upload(String body) {
        return Response.status(201).build();
    }

    @GET
    @Path("{path: .*}")
    public String get(@PathParam("path") String path) {
        return "file " + path;
    }

    @PUT
    @Path("{path: .*}")
    public String put(@PathParam("path") String path, String body) {
        return "stored " + path;
    }
}
