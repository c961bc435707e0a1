package dev.methodguard.it.rest.app;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A collection: POST on the collection, a regex template {id: \d+} next to a literal sibling and a plain template. */
@Path("items")
public class ItemsResource {
    @GET
    public String list() {
        return "items";
    }

    @POST
    public Response create(String body) {
        return Response.status(201).entity("created").build();
    }

    @GET
    @Path("new")
    public String form() {
        return "new item form";
    }

    @GET
    @Path("{id: \\d+}")
    public String get(@PathParam("id") long id) {
        return "item " + id;
    }

    @PUT
    @Path("{id: \\d+}")
    public String put(@PathParam("id") long id, String body) {
        return "put " + id;
    }

    @PATCH
    @Path("{id: \\d+}")
    public String patch(@PathParam("id") long id, String body) {
        return "patched " + id;
    }

    @DELETE
    @Path("{id: \\d+}")
    public Response delete(@PathParam("id") long id) {
        return Response.noContent().build();
    }

    /** Only names that are not numbers: {@code \d+} outranks it for /items/12 (a regex variable). */
    @GET
    @Path("{name}")
    public String byName(@PathParam("name") String name) {
        return "item named " + name;
    }

    @GET
    @Path("{id: \\d+}/tags")
    public String tags(@PathParam("id") long id) {
        return "tags of " + id;
    }

    @POST
    @Path("{id: \\d+}/tags")
    public Response addTag(@PathParam("id") long id, String body) {
        return Response.status(201).build();
    }
}
