package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A custom HTTP method, {@code PURGE}, declared with {@code @HttpMethod}. */
@Path("/cache")
public class Cache {
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod("PURGE")
    public @interface PURGE {
    }

    @GET
    public String get() {
        return "cache";
    }

    @PURGE
    public String purge() {
        return "purged";
    }
}
