package dev.methodguard.examples.spring;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Test-only: a filter after MethodGuard (lowest precedence) that counts the REQUEST dispatches reaching the
 * rest of the chain, i.e. Spring MVC. With {@link Calls} (controller invocations) it proves a rejected
 * request ran nothing behind MethodGuard: not a controller, not Spring's own OPTIONS or error handling.
 * A plain class (no stereotype), so the component scan of the unguarded application never picks it up.
 */
class Downstream {
    static final AtomicInteger REACHED = new AtomicInteger();

    @Bean
    FilterRegistrationBean<Filter> downstreamCounter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            REACHED.incrementAndGet();
            chain.doFilter(request, response);
        });
        registration.setName("downstreamCounter");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
