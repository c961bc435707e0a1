package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A statically typed sub-resource locator: {@code /shelves/{id}} is a {@link Shelf}. */
@Path("/shelves")
public class Shelves {
    @GET
    public String list() {
        return "shelves";
    }

    @Path("{id}")
    public Shelf shelf(@PathParam("id") String id) {
        return new Shelf(id);
    }
}
