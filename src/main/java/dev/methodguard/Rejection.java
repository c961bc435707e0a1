package dev.methodguard;

import java.util.List;

/**
 * What an {@link ErrorBodyFactory} is told about one rejection.
 *
 * @param status  405 or 501
 * @param method  the request method, cut at 64 characters
 * @param path    the request URI as received (not decoded), cut at 2,048 characters
 * @param allowed the methods of the {@code Allow} header, sorted; empty for a 501
 */
public record Rejection(int status, String method, String path, List<String> allowed) {
}
