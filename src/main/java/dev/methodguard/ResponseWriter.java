package dev.methodguard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * MethodGuard's answers, once the filter has judged a request: a 405 or 501 (or, in report-only mode, the
 * request passed on and the would-be rejection logged), and OPTIONS. Status and headers are always
 * MethodGuard's; the body is the built-in {@link WireFormat} or, when configured, the application's
 * {@link ErrorBodyFactory}. The filter writes the response itself, never {@code sendError}: no container
 * error page or error dispatch is involved. Only rejections and OPTIONS come here, never an allowed request.
 */
final class ResponseWriter {
    private static final Logger LOG = System.getLogger("dev.methodguard");

    private final WireFormat wire;
    private final ErrorBodyFactory factory;
    /** Report-only mode: where would-be rejections are logged; {@code null} when enforcing. */
    private final ReportLog reportLog;
    private final LongAdder optionsAnswered;
    private final AtomicBoolean factoryFailureLogged = new AtomicBoolean();
    private final AtomicBoolean committedLogged = new AtomicBoolean();

    ResponseWriter(BodyFormat format, ErrorBodyFactory factory, ReportLog reportLog, LongAdder optionsAnswered) {
        this.wire = new WireFormat(format);
        this.factory = factory;
        this.reportLog = reportLog;
        this.optionsAnswered = optionsAnswered;
    }

    /**
     * A rejection: 405 with the methods of {@code capability} when {@code known}, else 501; counted on the
     * capability's servlet. In report-only mode logged (see {@link ReportLog}) and passed on instead.
     */
    void reject(HttpServletRequest req, HttpServletResponse res, FilterChain chain, Capability capability, String method,
                boolean known) throws IOException, ServletException {
        capability.counters.count(known, reportLog != null);
        String path = req.getRequestURI();
        path = path == null ? "" : path;
        if (reportLog != null) {
            reportLog.report(capability.label, method, known ? 405 : 501, path);
            chain.doFilter(req, res);
            return;
        }
        if (res.isCommitted()) {
            // Something before us already answered: writing now would corrupt its response.
            if (committedLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "MethodGuard: the response to " + Escape.forLog(method, WireFormat.MAX_METHOD) + " "
                        + Escape.forLog(path, 256) + " was already committed by an earlier filter, so MethodGuard wrote no "
                        + (known ? 405 : 501) + " over it (and the servlet did not run). Logged once.");
            }
            return;
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "rejected {0} {1} with {2}", Escape.forLog(method, WireFormat.MAX_METHOD),
                    Escape.forLog(path, 256), known ? 405 : 501);
        }
        write(res, method, path, known ? capability : null);
    }

    /**
     * 405 with {@code Allow} when {@code capability} is given, else 501. HEAD gets the headers and no body.
     * A method that is HEAD but for its case ({@code head}) gets no body and {@code Content-Length: 0}:
     * Undertow and Open Liberty treat it as HEAD and drop any body, so announcing one would leave the
     * client waiting for bytes that never come.
     */
    private void write(HttpServletResponse response, String method, String path, Capability capability) throws IOException {
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
            body = wire.body(method, path, capability == null ? null : capability.allowedJsonTail);
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
                    WireFormat.cut(path, WireFormat.MAX_PATH), capability != null ? capability.allowedList : List.of());
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

    /**
     * OPTIONS on a declared resource. A servlet that answers OPTIONS itself, or a CORS preflight the rule passes
     * on, goes to the chain with MethodGuard's {@code Allow}; otherwise 200, {@code Allow}, no content
     * (RFC 9110 §9.3.7).
     */
    void options(HttpServletRequest req, HttpServletResponse res, FilterChain chain, Capability capability)
            throws IOException, ServletException {
        if (capability.ownsOptions || (capability.passesPreflight && isCorsPreflight(req))) {
            chain.doFilter(req, new AllowHeaderResponse(res, capability.allowHeader));
            return;
        }
        optionsAnswered.increment();
        res.setStatus(HttpServletResponse.SC_OK);
        res.setHeader("Allow", capability.allowHeader);
        res.setContentLength(0);
    }

    /** A CORS preflight (Fetch standard): OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}. */
    private static boolean isCorsPreflight(HttpServletRequest req) {
        return req.getHeader("Origin") != null && req.getHeader("Access-Control-Request-Method") != null;
    }
}
