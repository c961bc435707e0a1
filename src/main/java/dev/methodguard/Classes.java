package dev.methodguard;

import java.util.Optional;

/**
 * The one place MethodGuard loads a class by name. One rule everywhere: loaded <em>without</em> initializing
 * (reading a servlet's or resource's class must not run its static initializers; whoever instantiates it
 * initializes it then), and "cannot be loaded" is an empty result, never an exception: a missing class
 * ({@link ClassNotFoundException}), one that fails to link against what the application ships
 * ({@link LinkageError}), or a loader that refuses the caller ({@link SecurityException} or another runtime
 * exception some containers throw) all mean the same to every caller, which then decides what that means
 * (pass through, or a configuration error naming the class).
 */
final class Classes {
    private Classes() {
    }

    /** The class {@code name} as {@code loader} (or, when {@code null}, MethodGuard's own loader) sees it; empty if it cannot be loaded. */
    static Optional<Class<?>> load(String name, ClassLoader loader) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(name, false, loader != null ? loader : Classes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
