package dev.methodguard.spring.boot;

import dev.methodguard.ErrorBodyFactory;
import dev.methodguard.MethodGuardFilter;
import dev.methodguard.MethodGuardMBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Registers MethodGuard in front of Spring MVC's {@code DispatcherServlet}, judging its requests by the routes of
 * every handler mapping ({@link DerivedRoutes}). On by default in a servlet web application with a
 * DispatcherServlet; off with {@code methodguard.enabled=false}; backs off when the application registers a
 * {@link MethodGuardFilter} of its own (as a bean or in a {@code FilterRegistrationBean}).
 */
@AutoConfiguration(after = {DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, MethodGuardFilter.class})
@ConditionalOnBooleanProperty(name = "methodguard.enabled", matchIfMissing = true)
@ConditionalOnMissingFilterBean(MethodGuardFilter.class)
@EnableConfigurationProperties(MethodGuardProperties.class)
public class MethodGuardAutoConfiguration {
    private static final Logger LOG = System.getLogger("dev.methodguard.spring.boot");
    /** Spring Boot's name for the DispatcherServlet's registration. */
    static final String DEFAULT_SERVLET_NAME = "dispatcherServlet";

    @Bean
    MethodGuardDispatcherFilter methodGuardDispatcherFilter(ApplicationContext context, MethodGuardProperties properties,
                                                           ObjectProvider<DispatcherServletRegistrationBean> registration,
                                                           ObjectProvider<ErrorBodyFactory> errorBody,
                                                           ObjectProvider<ApplicationJson> applicationJson) {
        DispatcherServletRegistrationBean r = registration.getIfAvailable();
        String servletName = r == null ? DEFAULT_SERVLET_NAME : r.getServletName();
        return new MethodGuardDispatcherFilter(() -> {
            ErrorBodyFactory body = errorBody.getIfAvailable();
            ApplicationJson json = applicationJson.getIfAvailable();
            if (body != null && json != null && ApplicationMapperErrorBody.usesDefaultMapper(body)) {
                body = new ApplicationMapperErrorBody(body, json.writer());
            }
            return filter(context, properties, servletName, body);
        }, servletName, DispatcherServlet.class.getName());
    }

    @Bean
    FilterRegistrationBean<MethodGuardDispatcherFilter> methodGuardFilterRegistration(MethodGuardDispatcherFilter filter,
                                                                                    MethodGuardProperties properties) {
        FilterRegistrationBean<MethodGuardDispatcherFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("methodGuard");
        registration.addUrlPatterns("/*");
        // Forwards, includes and error dispatches are the application's own: only requests are judged.
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(properties.getOrder());
        return registration;
    }

    /** Builds MethodGuard once every singleton, so every handler mapping, exists. */
    @Bean
    static SmartInitializingSingleton methodGuardRoutesReady(ObjectProvider<MethodGuardDispatcherFilter> filter) {
        return () -> filter.ifAvailable(f -> {
            try {
                f.contextReady();
            } catch (ServletException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    static MethodGuardFilter filter(ApplicationContext context, MethodGuardProperties p, String servletName, ErrorBodyFactory errorBody) {
        MethodGuardFilter.Builder b = MethodGuardFilter.builder()
                .mode(p.getMode())
                .format(p.getFormat())
                .allowTrace(p.isAllowTrace())
                .preflight(p.getPreflight())
                .jmx(p.isJmx());
        if (!p.getKnownMethods().isEmpty()) {
            b.knownMethods(p.getKnownMethods().toArray(String[]::new));
        }
        if (errorBody != null) {
            b.errorBody(errorBody);
        }
        Map<String, HandlerMapping> mappings = p.isDeriveRoutes() ? handlerMappings(context) : Map.of();
        DerivedRoutes.Table table = DerivedRoutes.of(mappings, p.getRoutes());
        for (String warning : table.unreadable()) {
            LOG.log(Level.WARNING, "MethodGuard: " + warning + ". Declare its routes with methodguard.routes[template]=METHODS");
        }
        if (table.isEmpty()) {
            LOG.log(Level.WARNING, "MethodGuard: no routes for servlet '" + servletName + "': "
                    + (p.isDeriveRoutes() ? "its handler mappings " + table.mappings() + " map no path" : "methodguard.derive-routes=false and methodguard.routes is empty")
                    + ", so its requests pass through unjudged");
        } else {
            try {
                b.routes(servletName, table::addTo);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("MethodGuard: the routes of servlet '" + servletName + "' (derived from "
                        + table.mappings() + " and methodguard.routes) are invalid: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** Every HandlerMapping bean, in the order the DispatcherServlet consults them. */
    static Map<String, HandlerMapping> handlerMappings(ApplicationContext context) {
        Map<String, HandlerMapping> beans = BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false);
        List<Map.Entry<String, HandlerMapping>> sorted = new ArrayList<>(beans.entrySet());
        sorted.sort((x, y) -> AnnotationAwareOrderComparator.INSTANCE.compare(x.getValue(), y.getValue()));
        Map<String, HandlerMapping> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The application's Jackson 3 mapper, as a writer: where an {@link ErrorBodyFactory} bean's bodies are written. */
    record ApplicationJson(java.util.function.Function<Object, byte[]> writer) {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
    static class Jackson3 {
        @Bean
        ApplicationJson methodGuardApplicationJson(ObjectProvider<tools.jackson.databind.json.JsonMapper> mapper) {
            // Asked for when MethodGuard is built (every singleton exists by then); none without a JsonMapper bean.
            tools.jackson.databind.json.JsonMapper m = mapper.getIfAvailable();
            return m == null ? null : new ApplicationJson(m::writeValueAsBytes);
        }
    }

    /**
     * {@code methodguard.rejections}, read from MethodGuard's own counters when the registry is scraped (requests
     * pay nothing for it): tagged {@code status} (405 or 501) and {@code mode} ({@code enforce}: answered;
     * {@code report-only}: would have been).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        MeterBinder methodGuardMeters(MethodGuardDispatcherFilter filter) {
            return registry -> {
                counter(registry, filter, "405", "enforce", MethodGuardMBean::getRejected405);
                counter(registry, filter, "501", "enforce", MethodGuardMBean::getRejected501);
                counter(registry, filter, "405", "report-only", MethodGuardMBean::getWouldReject405);
                counter(registry, filter, "501", "report-only", MethodGuardMBean::getWouldReject501);
            };
        }

        private static void counter(MeterRegistry registry, MethodGuardDispatcherFilter filter, String status, String mode,
                                    ToDoubleFunction<MethodGuardMBean> read) {
            FunctionCounter.builder("methodguard.rejections", filter, f -> {
                        MethodGuardMBean c = f.counters();
                        return c == null ? 0 : read.applyAsDouble(c);
                    })
                    .description("Requests MethodGuard answered with 405 or 501 (mode=report-only: would have)")
                    .tag("status", status)
                    .tag("mode", mode)
                    .register(registry);
        }
    }
}
