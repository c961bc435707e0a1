package dev.methodguard.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.methodguard.ErrorBodyFactory;
import dev.methodguard.Rejection;
import java.util.function.Function;

/**
 * An application's {@link ErrorBodyFactory} whose body is written by the application's own Jackson 3 mapper (Spring
 * Boot 4's {@code JsonMapper} bean, with every {@code spring.jackson.*} setting) instead of MethodGuard's plain
 * Jackson 2 one. The starter wraps a factory bean so when it does not choose a mapper itself.
 */
final class ApplicationMapperErrorBody implements ErrorBodyFactory {
    private final ErrorBodyFactory factory;
    private final ObjectMapper writer;

    ApplicationMapperErrorBody(ErrorBodyFactory factory, Function<Object, byte[]> applicationMapper) {
        this.factory = factory;
        this.writer = new Writer(applicationMapper);
    }

    /** Whether the factory keeps the default mapper (it did not override {@link ErrorBodyFactory#objectMapper()}). */
    static boolean usesDefaultMapper(ErrorBodyFactory factory) {
        try {
            return factory.getClass().getMethod("objectMapper").getDeclaringClass() == ErrorBodyFactory.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public Object body(Rejection rejection) {
        return factory.body(rejection);
    }

    @Override
    public ObjectMapper objectMapper() {
        return writer;
    }

    @Override
    public String contentType() {
        return factory.contentType();
    }

    @Override
    public String toString() {
        return factory.getClass().getName() + " (written by the application's JSON mapper)";
    }

    /**
     * MethodGuard serializes an error body with {@code objectMapper().writeValueAsBytes(body)}, and only that: this
     * mapper hands that call to the application's mapper.
     */
    private static final class Writer extends ObjectMapper {
        private static final long serialVersionUID = 1L;
        private final transient Function<Object, byte[]> applicationMapper;

        Writer(Function<Object, byte[]> applicationMapper) {
            this.applicationMapper = applicationMapper;
        }

        @Override
        public byte[] writeValueAsBytes(Object value) {
            return applicationMapper.apply(value);
        }
    }
}
