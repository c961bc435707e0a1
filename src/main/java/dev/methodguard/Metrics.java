package dev.methodguard;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The filter's counters, and their optional JMX registration. Counters are only touched on responses the
 * filter writes itself; a request that passes through costs nothing here.
 */
final class Metrics implements MethodGuardMBean {
    final LongAdder rejected405 = new LongAdder();
    final LongAdder rejected501 = new LongAdder();
    final LongAdder optionsAnswered = new LongAdder();
    private volatile Policy policy;
    private volatile String contextLabel = "/";
    private ObjectName registered;

    void policy(Policy policy) {
        this.policy = policy;
    }

    @Override
    public long getRejected405() {
        return rejected405.sum();
    }

    @Override
    public long getRejected501() {
        return rejected501.sum();
    }

    @Override
    public long getOptionsAnswered() {
        return optionsAnswered.sum();
    }

    @Override
    public String getFormat() {
        return policy.settings.format().paramValue();
    }

    @Override
    public boolean isAllowTrace() {
        return policy.settings.allowTrace();
    }

    @Override
    public String getKnownMethods() {
        return String.join(", ", policy.known());
    }

    @Override
    public String getCapabilityTable() {
        return policy.describe(contextLabel);
    }

    /** Registers this as a standard MBean; a name already taken is a configuration error, reported by the caller. */
    ObjectName register(String host, String contextPath, String filterName) throws JMException {
        this.contextLabel = contextPath;
        ObjectName name = objectName(host, contextPath, filterName);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new StandardMBean(this, MethodGuardMBean.class), name);
        } catch (InstanceAlreadyExistsException e) {
            throw new InstanceAlreadyExistsException("an MBean named " + name + " is already registered: give each "
                    + "MethodGuardFilter in this JVM a distinct filter name, context path or host");
        }
        registered = name;
        return name;
    }

    void unregister() {
        ObjectName name = registered;
        registered = null;
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException ignored) {
                // already gone: nothing left to clean up
            }
        }
    }

    ObjectName registeredName() {
        return registered;
    }

    static ObjectName objectName(String host, String contextPath, String filterName) throws JMException {
        return new ObjectName("dev.methodguard:type=MethodGuardFilter,host=" + ObjectName.quote(host == null ? "" : host)
                + ",context=" + ObjectName.quote(contextPath) + ",name=" + ObjectName.quote(filterName == null ? "" : filterName));
    }
}
