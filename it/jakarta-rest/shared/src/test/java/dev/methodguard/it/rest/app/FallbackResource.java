package dev.methodguard.it.rest.app;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A catch-all class, {@code {any: .*}}: POST anywhere no other class takes the path (and "//orders/7" as sent). */
@Path("{any: .*}")
public class FallbackResource {
    @POST
    public Response post(@PathParam("any") String any) {
        return Response.status(202).build();
    }
}
