package dev.methodguard;

/**
 * The shape of the JSON body MethodGuard writes on 405 and 501 responses.
 * Chosen with the filter init-param {@code format} or {@link MethodGuardFilter.Builder#format}.
 */
public enum BodyFormat {
    /** {@code application/json}: {@code status}, {@code error}, {@code message}, {@code method}, {@code path}, {@code allowed}. */
    JSON("json", "application/json"),
    /** RFC 9457 {@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus {@code method} and {@code allowed}. */
    PROBLEM("problem", "application/problem+json");

    private final String paramValue;
    private final String contentType;

    BodyFormat(String paramValue, String contentType) {
        this.paramValue = paramValue;
        this.contentType = contentType;
    }

    /** The value of the {@code format} init-param that selects this format. */
    public String paramValue() {
        return paramValue;
    }

    /** The {@code Content-Type} of the rejection responses in this format. */
    public String contentType() {
        return contentType;
    }
}
