package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Sub-resource locators: {id} declares its type (followed), {id}/notes returns Object (only known at run time). */
@Path("orders")
public class OrdersResource {
    @GET
    public String list() {
        return "orders";
    }

    @POST
    public Response create(String body) {
        return Response.status(201).build();
    }

    @Path("{id}")
    public OrderResource order(@PathParam("id") String id) {
        return new OrderResource(id);
    }

    @Path("{id}/notes")
    public Object notes(@PathParam("id") String id) {
        return new NotesResource();
    }
}
