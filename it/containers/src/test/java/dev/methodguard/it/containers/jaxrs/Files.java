package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** One segment per file name: {@code /files/a%2Fb} is the file "a/b" where the server lets an encoded slash through. */
@Path("/files")
public class Files {
    @GET
    @Path("{name}")
    public String get(@PathParam("name") String name) {
        return "file " + name;
    }

    @PUT
    @Path("{name}")
    public void put(@PathParam("name") String name) {
    }
}
