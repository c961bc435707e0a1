package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final List<MethodGuardFilter> started = new java.util.ArrayList<>();

    @AfterEach
    void destroyAll() {
        started.forEach(MethodGuardFilter::destroy);
    }

    private static FilterConfig config(String filterName, String contextPath, Map<String, String> params) {
        Fakes.Context context = new Fakes.Context(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*").byName);
        context.contextPath = contextPath;
        context.virtualServerName = "localhost";
        Fakes.Config config = new Fakes.Config(context.proxy, params);
        config.filterName = filterName;
        return config.proxy;
    }

    private MethodGuardFilter start(FilterConfig config) throws ServletException {
        MethodGuardFilter filter = new MethodGuardFilter();
        filter.init(config);
        started.add(filter);
        return filter;
    }

    private static void send(MethodGuardFilter filter, String method) throws Exception {
        filter.doFilter(new Fakes.Request("items", method, "/shop/items/1").proxy, new Fakes.Response().proxy, new Fakes.Chain());
    }

    @Nested
    class WhenJmxIsOn {
        @Test
        void theCountersAreReadableAsMBeanAttributesAndFollowTheRejections() throws Exception {
            // DELETE is known (405) through known-methods; FOO is not (501).
            MethodGuardFilter filter = start(config("guard", "/shop", Map.of("jmx", "true", "known-methods", "DELETE")));
            ObjectName name = new ObjectName("dev.methodguard:type=MethodGuardFilter,host=\"localhost\",context=\"/shop\",name=\"guard\"");
            assertTrue(mbeans.isRegistered(name));

            send(filter, "DELETE");
            send(filter, "DELETE");
            send(filter, "FOO");
            send(filter, "OPTIONS");
            send(filter, "GET");

            assertEquals(2L, mbeans.getAttribute(name, "Rejected405"));
            assertEquals(1L, mbeans.getAttribute(name, "Rejected501"));
            assertEquals(1L, mbeans.getAttribute(name, "OptionsAnswered"));
            assertEquals("json", mbeans.getAttribute(name, "Format"));
            assertEquals(false, mbeans.getAttribute(name, "AllowTrace"));
            assertEquals("DELETE, GET, HEAD, OPTIONS, POST, TRACE", mbeans.getAttribute(name, "KnownMethods"));
            assertTrue(((String) mbeans.getAttribute(name, "CapabilityTable")).contains("items"));
        }

        @Test
        void destroyUnregistersTheMBean() throws Exception {
            MethodGuardFilter filter = start(config("guard", "/gone", Map.of("jmx", "true")));
            ObjectName name = JmxRegistration.objectName("localhost", "/gone", "guard");
            assertTrue(mbeans.isRegistered(name));
            filter.destroy();
            assertFalse(mbeans.isRegistered(name));
        }

        @Test
        void aSecondFilterUnderTheSameNameFailsInitNamingTheParameterAndTheMBean() throws Exception {
            start(config("guard", "/twice", Map.of("jmx", "true")));
            ServletException e = assertThrows(ServletException.class, () -> start(config("guard", "/twice", Map.of("jmx", "true"))));
            assertTrue(e.getMessage().contains("init-param 'jmx'"), e.getMessage());
            assertTrue(e.getMessage().contains("context=\"/twice\""), e.getMessage());
        }
    }

    @Nested
    class WhenJmxIsOff {
        @Test
        void nothingIsRegisteredButTheCountersStillCount() throws Exception {
            MethodGuardFilter filter = start(config("quiet", "/off", Map.of()));
            assertTrue(mbeans.queryNames(new ObjectName("dev.methodguard:context=\"/off\",*"), null).isEmpty());
            send(filter, "FOO");
            assertEquals(1, filter.metrics().getRejected501());
        }

        @Test
        void aJmxValueThatIsNotABooleanFailsInit() {
            ServletException e = assertThrows(ServletException.class, () -> start(config("guard", "/bad", Map.of("jmx", "yes"))));
            assertTrue(e.getMessage().contains("init-param 'jmx' = 'yes'"), e.getMessage());
            assertTrue(e.getMessage().contains("accepted: true, false"), e.getMessage());
        }
    }
}
