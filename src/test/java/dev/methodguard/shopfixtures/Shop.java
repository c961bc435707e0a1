package dev.methodguard.shopfixtures;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Resource classes shaped like the application of issue 15, for the routing tests: overlapping templates
 * across classes, a catch-all class, a regex template, typed, untyped and cyclic sub-resource locators.
 */
public final class Shop {
    private Shop() {
    }

    /** Literal, no children: Jersey has no open route for it, so /users/me/... belongs to /users/{user}. */
    @Path("/users/me")
    public static class Me {
        @GET
        public String get() {
            return "me";
        }
    }

    @Path("/users/{user}")
    public static class User {
        @GET
        public String get() {
            return "user";
        }

        @DELETE
        public void delete() {
        }

        @GET
        @Path("profile")
        public String profile() {
            return "profile";
        }
    }

    @Path("/catalog")
    public static class Catalog {
        @GET
        public String list() {
            return "list";
        }

        @GET
        @Path("{id: \\d+}")
        public String item(@PathParam("id") String id) {
            return id;
        }
    }

    @Path("/files")
    public static class Files {
        @PUT
        @Path("{name}")
        public void put(@PathParam("name") String name, String body) {
        }
    }

    /** The catch-all class: its POST serves every path no other class takes, and only those. */
    @Path("/")
    public static class CatchAll {
        @POST
        @Path("{path: .*}")
        public String post(@PathParam("path") String path) {
            return path;
        }
    }

    @Path("/orders")
    public static class Orders {
        @GET
        public String list() {
            return "orders";
        }

        /** Statically typed: followed. */
        @Path("{id}")
        public Order order(@PathParam("id") String id) {
            return new Order();
        }

        /** Returns Object: only known at run time, passes through. */
        @Path("{id}/any")
        public Object any(@PathParam("id") String id) {
            return new Order();
        }
    }

    public static class Order {
        @GET
        public String get() {
            return "order";
        }

        @DELETE
        public void delete() {
        }

        @POST
        @Path("lines")
        public String addLine(String line) {
            return line;
        }

        /** Returns its own type: a cycle, refused (passes through). */
        @Path("again")
        public Order again() {
            return this;
        }

        /** An interface: the run-time object decides, passes through. */
        @Path("notes")
        public Runnable notes() {
            return () -> { };
        }
    }

    static final Class<?>[] ALL = {Me.class, User.class, Catalog.class, Files.class, CatchAll.class, Orders.class};

    public static Class<?>[] all() {
        return ALL.clone();
    }
}
