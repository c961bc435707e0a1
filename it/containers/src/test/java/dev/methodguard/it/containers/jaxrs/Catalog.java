package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Two regex templates side by side: {@code AB-12} is a product code, {@code shoes} a category. */
@Path("/catalog")
public class Catalog {
    @GET
    @Path("{sku: [A-Z]{2}-[0-9]+}")
    public String product(@PathParam("sku") String sku) {
        return "product " + sku;
    }

    @DELETE
    @Path("{sku: [A-Z]{2}-[0-9]+}")
    public void delete(@PathParam("sku") String sku) {
    }

    @GET
    @Path("{category: [a-z]+}")
    public String category(@PathParam("category") String category) {
        return "category " + category;
    }
}
