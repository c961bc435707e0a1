package dev.methodguard.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The rest of the chain: counts the requests that got through. */
final class CountingChain implements FilterChain {
    long passed;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
        passed++;
    }
}
