package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** A sub-resource (no {@code @Path} of its own), returned by the locators of {@link Shelves} and {@link Dynamic}. */
public class Shelf {
    private final String id;

    public Shelf(String id) {
        this.id = id;
    }

    @GET
    public String get() {
        return "shelf " + id;
    }

    @PUT
    public void put() {
    }

    @DELETE
    @Path("books")
    public void clear() {
    }

    @GET
    @Path("books")
    public String books() {
        return "books on " + id;
    }
}
