package dev.methodguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the HTTP methods a servlet class supports, for {@link MethodGuardFilter}.
 *
 * <p>Put it on servlets whose {@code doXxx} methods do not tell the truth, typically servlets that
 * override {@code service()}: {@code @AllowedMethods({"GET", "POST"})}. HEAD is implied by GET and
 * OPTIONS is always allowed. Methods are case-sensitive tokens (RFC 9110 §9.1). The annotation is
 * inherited by subclasses. A servlet init-param {@code methodguard.allowed-methods} takes precedence.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowedMethods {
    /**
     * The supported methods.
     *
     * @return the supported methods, e.g. {@code {"GET", "PUT", "DELETE"}}; must not be empty
     */
    String[] value();
}
