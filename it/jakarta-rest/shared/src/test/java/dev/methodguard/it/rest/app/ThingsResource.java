package dev.methodguard.it.rest.app;

import jakarta.ws.rs.Path;

@Path("things")
public class ThingsResource implements ThingsApi {
    @Override
    public String list() {
        return "things";
    }

    @Override
    public String get(String id) {
        return "thing " + id;
    }

    @Override
    public String put(String id, String body) {
        return "put thing " + id;
    }
}
