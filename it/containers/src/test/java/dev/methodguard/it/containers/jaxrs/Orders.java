package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A collection and a regex-templated item: {@code /orders/42} is an order, {@code /orders/abc} is none. */
@Path("/orders")
public class Orders {
    @GET
    public String list() {
        return "orders";
    }

    @POST
    public String create() {
        return "created";
    }

    @GET
    @Path("{id: [0-9]+}")
    public String get(@PathParam("id") String id) {
        return "order " + id;
    }

    @PUT
    @Path("{id: [0-9]+}")
    public void put(@PathParam("id") String id) {
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") String id) {
    }
}
