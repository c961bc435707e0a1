package dev.methodguard.bench;

import java.util.Collection;
import java.util.List;

/** One servlet registration: name, class name and one mapping, no init-params (so the filter introspects the class). */
final class FakeRegistration extends StubRegistration {
    private final String name;
    private final String className;
    private final List<String> mappings;

    FakeRegistration(String name, String className, String mapping) {
        this.name = name;
        this.className = className;
        this.mappings = List.of(mapping);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public Collection<String> getMappings() {
        return mappings;
    }

    @Override
    public String getInitParameter(String name) {
        return null;
    }
}
