package dev.methodguard.it.containers.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * An annotation-only Jakarta REST application, as an ordinary user writes one: no {@code getClasses()}, so the
 * server finds the resource classes itself (every {@code @Path} class in the WAR).
 */
@ApplicationPath("/api")
public class Api extends Application {
}
