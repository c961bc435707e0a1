package dev.methodguard;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the body of 405 and 501 responses in the application's own error shape, for APIs that answer
 * every error in one envelope. The result is serialized with {@link #objectMapper()}; status,
 * {@code Allow}, {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff} stay
 * MethodGuard's. A factory that throws, or returns {@code null}, never turns a rejection into a 500 or
 * lets the request through: MethodGuard then writes its built-in body and logs the failure once.
 *
 * <p>Set it with {@link MethodGuardFilter.Builder#errorBody} or the filter init-param {@code error-body}
 * (the class name of an implementation with a public no-argument constructor).
 */
@FunctionalInterface
public interface ErrorBodyFactory {
    /** The object to serialize as the body; called once per rejection, from the request thread. */
    Object body(Rejection rejection);

    /** The mapper that serializes {@link #body}; by default a plain {@code ObjectMapper} of MethodGuard's. */
    default ObjectMapper objectMapper() {
        return DefaultMapper.INSTANCE;
    }

    /** The {@code Content-Type} of the body; {@code application/json} by default. */
    default String contentType() {
        return "application/json";
    }
}

/** Holds the shared default mapper: built on first use only, so applications with their own never pay for it. */
final class DefaultMapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();

    private DefaultMapper() {
    }
}
