package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {n: \d+} takes GET only, {s} takes POST only: which one serves /codes/%31 depends on matching encoded or decoded. */
@Path("codes")
public class CodesResource {
    @GET
    @Path("{n: \\d+}")
    public String get(@PathParam("n") int n) {
        return "code " + n;
    }

    @POST
    @Path("{s}")
    public Response post(@PathParam("s") String s) {
        return Response.status(201).build();
    }
}
