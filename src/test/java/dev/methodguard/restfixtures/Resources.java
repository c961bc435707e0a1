package dev.methodguard.restfixtures;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jakarta REST resource classes for JakartaRestRoutesTest, with the real annotations (test scope only).
 * Each class records its static initialization in {@link #INITIALIZED}, which must stay empty: reading
 * routes runs no application code.
 */
public final class Resources {
    public static final Set<String> INITIALIZED = ConcurrentHashMap.newKeySet();

    private Resources() {
    }

    /** A WebDAV-style custom HTTP method annotation. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod("PROPFIND")
    public @interface PROPFIND {
    }

    @Path("/items/")
    public static class Items {
        static {
            INITIALIZED.add("Items");
        }

        @GET
        public String list() {
            return "";
        }

        @POST
        public void create(String body) {
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            return id;
        }

        @PUT
        @Path("/{id}/")
        public void put(@PathParam("id") String id, String body) {
        }

        @DELETE
        @Path("{id}")
        public void delete(@PathParam("id") String id) {
        }

        @GET
        @Path("{id: \\d+}.json")
        public String json(@PathParam("id") String id) {
            return id;
        }

        /** A sub-resource locator: its subtree is only known at run time. */
        @Path("{id}/parts")
        public Object parts(@PathParam("id") String id) {
            return null;
        }

        /** Public, but not a resource method. */
        public String helper() {
            return "";
        }
    }

    @Path("dav")
    public static class Dav {
        static {
            INITIALIZED.add("Dav");
        }

        @PROPFIND
        public void find() {
        }
    }

    public interface Api {
        @GET
        @Path("x")
        String x();

        @POST
        @Path("y")
        void y();
    }

    public abstract static class Base {
        @PUT
        @Path("z")
        public void z() {
        }
    }

    /** Inherits x() from the interface and z() from the superclass; y() has its own annotation, which wins. */
    @Path("/inherit")
    public static class Impl extends Base implements Api {
        static {
            INITIALIZED.add("Impl");
        }

        @Override
        public String x() {
            return "";
        }

        @POST
        @Override
        public void y() {
        }

        @Override
        public void z() {
        }
    }

    /** A generic interface: its put(T) is implemented as put(String). */
    public interface Crud<T> {
        @GET
        @Path("{id}")
        T get(@PathParam("id") String id);

        @PUT
        @Path("{id}")
        void put(@PathParam("id") String id, T body);
    }

    @Path("/generic")
    public static class Generic implements Crud<String> {
        static {
            INITIALIZED.add("Generic");
        }

        @Override
        public String get(String id) {
            return id;
        }

        @Override
        public void put(String id, String body) {
        }
    }

    @Path("/")
    public static class Root {
        static {
            INITIALIZED.add("Root");
        }

        @GET
        public String home() {
            return "";
        }
    }

    /** A class path with a parameter: many literal characters below it, but it ranks after "/items" itself. */
    @Path("/{tenant}")
    public static class Tenant {
        static {
            INITIALIZED.add("Tenant");
        }

        @POST
        @Path("special")
        public void special() {
        }
    }

    /** A REST client interface: not a served resource. */
    @Path("/client")
    public interface Client {
        @GET
        String get();
    }

    /** Abstract: not a root resource. */
    @Path("/abstract")
    public abstract static class Abstract {
        @GET
        public String get() {
            return "";
        }
    }

    /** No @Path: not a root resource, whatever its methods. */
    public static class NoPath {
        static {
            INITIALIZED.add("NoPath");
        }

        @GET
        public String get() {
            return "";
        }
    }

    /** Its static initializer fails: loading it for its routes must not run it. */
    @Path("/boom")
    public static class Boom {
        static {
            INITIALIZED.add("Boom");
            if (Boolean.TRUE) {
                throw new IllegalStateException("static initializer ran");
            }
        }

        @GET
        public String get() {
            return "";
        }
    }
}
