package dev.methodguard.spring.boot.testapp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The last filter: counts the requests that reached the application, so a test knows who answered. */
@Configuration(proxyBeanMethods = false)
public class Downstream {
    public static final AtomicInteger REACHED = new AtomicInteger();

    @Bean
    FilterRegistrationBean<Filter> downstreamMarker() {
        Filter f = (ServletRequest req, ServletResponse res, FilterChain chain) -> {
            REACHED.incrementAndGet();
            chain.doFilter(req, res);
        };
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>(f);
        r.setOrder(Ordered.LOWEST_PRECEDENCE);
        return r;
    }

}
