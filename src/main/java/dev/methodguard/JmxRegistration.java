package dev.methodguard;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** The optional JMX registration of a filter's {@link Metrics}, as an MXBean on the platform server. */
final class JmxRegistration {
    private final ObjectName name;

    private JmxRegistration(ObjectName name) {
        this.name = name;
    }

    /** Registers; a name already taken is a configuration error, reported by the caller. */
    static JmxRegistration register(Metrics metrics, String host, String contextPath, String filterName) throws JMException {
        ObjectName name = objectName(host, contextPath, filterName);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new StandardMBean(metrics, MethodGuardMBean.class, true), name);
        } catch (InstanceAlreadyExistsException e) {
            throw new InstanceAlreadyExistsException("an MBean named " + name + " is already registered: give each "
                    + "MethodGuardFilter in this JVM a distinct filter name, context path or host");
        }
        return new JmxRegistration(name);
    }

    ObjectName name() {
        return name;
    }

    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException ignored) {
            // already gone: nothing left to clean up
        }
    }

    static ObjectName objectName(String host, String contextPath, String filterName) throws JMException {
        return new ObjectName("dev.methodguard:type=MethodGuardFilter,host=" + ObjectName.quote(host == null ? "" : host)
                + ",context=" + ObjectName.quote(contextPath) + ",name=" + ObjectName.quote(filterName == null ? "" : filterName));
    }
}
