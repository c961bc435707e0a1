package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One rule for loading a class by name: not initialized, and "cannot be loaded" is empty, never thrown. */
class ClassesTest {
    /** Its static initializer fails: loading it must still work, initializing it would throw. */
    static final class FailsToInitialize {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new IllegalStateException("static initializer ran");
            }
        }
    }

    @Test
    void loadsWithoutRunningStaticInitializers() {
        // Initializing it would throw (an ExceptionInInitializerError, a LinkageError: empty). Loaded, it is there.
        ClassLoader loader = ClassesTest.class.getClassLoader();
        Optional<Class<?>> failing = Classes.load(ClassesTest.class.getName() + "$FailsToInitialize", loader);
        assertEquals(ClassesTest.class.getName() + "$FailsToInitialize", failing.orElseThrow().getName());
    }

    @Test
    void aMissingOrBlankNameIsEmpty() {
        ClassLoader loader = ClassesTest.class.getClassLoader();
        assertFalse(Classes.load("com.example.Nope", loader).isPresent());
        assertFalse(Classes.load(" ", loader).isPresent());
        assertFalse(Classes.load(null, loader).isPresent());
    }

    @Test
    void withoutALoaderMethodGuardsOwnIsUsed() {
        assertEquals(Optional.of(Classes.class), Classes.load(Classes.class.getName(), null));
    }
}
