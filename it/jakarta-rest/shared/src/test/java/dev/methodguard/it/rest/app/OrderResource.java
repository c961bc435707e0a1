package dev.methodguard.it.rest.app;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The sub-resource returned by {@link OrdersResource#order}: no @Path of its own, not a root resource. */
public class OrderResource {
    private final String id;

    public OrderResource(String id) {
        this.id = id;
    }

    @GET
    public String get() {
        return "order " + id;
    }

    @DELETE
    public Response delete() {
        return Response.noContent().build();
    }

    @GET
    @Path("lines")
    public String lines() {
        return "lines of " + id;
    }

    @POST
    @Path("lines")
    public Response addLine(String body) {
        return Response.status(201).build();
    }
}
