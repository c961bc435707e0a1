package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A sub-resource locator declared to return {@code Object}: what it serves is only known at run time. */
@Path("/dynamic")
public class Dynamic {
    @Path("{id}")
    public Object item(@PathParam("id") String id) {
        return new Shelf(id);
    }
}
