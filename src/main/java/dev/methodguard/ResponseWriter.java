package dev.methodguard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes MethodGuard's own answers: 405 and 501, and OPTIONS. Status and headers are always
 * MethodGuard's; the body is the built-in {@link WireFormat} or, when configured, the application's
 * {@link ErrorBodyFactory}. The filter writes the response itself, never {@code sendError}: no container
 * error page or error dispatch is involved.
 */
final class ResponseWriter {
    private static final Logger LOG = System.getLogger("dev.methodguard");

    private final WireFormat wire;
    private final ErrorBodyFactory factory;
    private final AtomicBoolean factoryFailureLogged = new AtomicBoolean();

    ResponseWriter(BodyFormat format, ErrorBodyFactory factory) {
        this.wire = new WireFormat(format);
        this.factory = factory;
    }

    ResponseWriter(BodyFormat format) {
        this(format, null);
    }

    /**
     * 405 with {@code Allow} when {@code capability} is given, else 501. HEAD gets the headers and no body.
     * A method that is HEAD but for its case ({@code head}) gets no body and {@code Content-Length: 0}:
     * Undertow and Open Liberty treat it as HEAD and drop any body, so announcing one would leave the
     * client waiting for bytes that never come.
     */
    void reject(HttpServletResponse response, String method, String path, Capability capability) throws IOException {
        boolean head = method.equals(Methods.HEAD);
        boolean headLike = !head && method.equalsIgnoreCase(Methods.HEAD);
        String contentType = wire.contentType;
        byte[] body = null;
        if (factory != null) {
            body = custom(method, path, capability);
            if (body != null) {
                contentType = factory.contentType();
            }
        }
        if (body == null) {
            body = wire.body(method, path, capability);
        }
        if (capability != null) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", capability.allowHeader);
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
        }
        // 405 and 501 are heuristically cacheable (RFC 9110 §15.1): a rejection must not stick in a cache.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(contentType);
        response.setContentLength(headLike ? 0 : body.length);
        if (!head && !headLike) {
            response.getOutputStream().write(body);
        }
    }

    /** The application's body, or {@code null} (logged once) when its factory fails: the built-in body then stands in. */
    private byte[] custom(String method, String path, Capability capability) {
        try {
            Rejection r = new Rejection(capability != null ? 405 : 501, WireFormat.cut(method, WireFormat.MAX_METHOD),
                    WireFormat.cut(path, WireFormat.MAX_PATH), capability != null ? capability.allowedList : java.util.List.of());
            Object value = factory.body(r);
            if (value == null) {
                throw new IllegalStateException("it returned null");
            }
            if (factory.contentType() == null) {
                throw new IllegalStateException("its contentType() returned null");
            }
            return factory.objectMapper().writeValueAsBytes(value);
        } catch (Exception | LinkageError e) {
            if (factoryFailureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "MethodGuard: the error-body factory " + factory.getClass().getName()
                        + " failed (" + Escape.forLog(String.valueOf(e), 300) + "); the built-in body is written instead. "
                        + "Logged once; later failures are not logged.");
            }
            return null;
        }
    }

    /** The built-in body; for tests. */
    byte[] body(String method, String path, Capability capability) {
        return wire.body(method, path, capability);
    }

    /** OPTIONS on a declared resource: 200, {@code Allow}, no content (RFC 9110 §9.3.7). */
    void options(HttpServletResponse response, Capability capability) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Allow", capability.allowHeader);
        response.setContentLength(0);
    }
}
