package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The methods' annotations live on an interface (Jakarta REST 3.1 §3.6); the class only carries @Path. */
public interface ThingsApi {
    @GET
    String list();

    @GET
    @Path("{id}")
    String get(@PathParam("id") String id);

    @PUT
    @Path("{id}")
    String put(@PathParam("id") String id, String body);
}
