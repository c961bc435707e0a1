package dev.methodguard.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * The Jakarta REST resource of the Jersey end-to-end server: the collection {@code /items} (GET, POST) and
 * the item {@code /items/{id}}, GET only, so Jersey itself answers DELETE on an item with its own 405.
 * MethodGuard reads these annotations (from the servlet's {@code jersey.config.server.provider.classnames})
 * and derives the route table {@code /items GET, POST}, {@code /items/{id} GET}.
 */
@Path("/items")
public class ItemsResource {
    private static final String ITEM = "{\"id\":1,\"name\":\"teapot\"}";
    private static final String LIST = "[" + ITEM + "]";

    @GET
    @Produces("application/json")
    public String list() {
        return LIST;
    }

    @POST
    @Produces("application/json")
    public String create(String body) {
        return ITEM;
    }

    @GET
    @Path("{id}")
    @Produces("application/json")
    public String item(@PathParam("id") String id) {
        return ITEM;
    }
}
