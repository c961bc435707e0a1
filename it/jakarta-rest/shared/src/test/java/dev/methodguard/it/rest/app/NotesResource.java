package dev.methodguard.it.rest.app;

import jakarta.ws.rs.GET;

/** Returned by a locator declared to return Object: only known at run time, so MethodGuard passes its paths through. */
public class NotesResource {
    @GET
    public String get() {
        return "notes";
    }
}
