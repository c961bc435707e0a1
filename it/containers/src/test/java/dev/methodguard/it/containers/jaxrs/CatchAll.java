package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Matches every path; any other class with a literal path is chosen before it. Takes POSTs (202). */
@Path("{path: .*}")
public class CatchAll {
    @POST
    public Response accept(@PathParam("path") String path) {
        return Response.accepted("accepted " + path).build();
    }
}
