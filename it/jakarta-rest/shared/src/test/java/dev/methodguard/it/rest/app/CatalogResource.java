package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A regex template whose paths the catch-all class {@link FallbackResource} also matches: the frameworks choose
 * this class by its path first, so its 405s never list the catch-all's POST.
 */
@Path("catalog")
public class CatalogResource {
    @GET
    public String list() {
        return "catalog";
    }

    @GET
    @Path("{id: [0-9]+}")
    public String item(@PathParam("id") String id) {
        return "item " + id;
    }

    @PUT
    @Path("{id: [0-9]+}")
    public String put(@PathParam("id") String id, String body) {
        return "stored " + id;
    }
}
