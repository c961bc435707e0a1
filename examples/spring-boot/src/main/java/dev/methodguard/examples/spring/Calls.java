package dev.methodguard.examples.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts controller invocations, so that a test can prove a rejected request never reached a controller.
 * Every handler method calls {@link #ran()} first.
 */
@Component
public class Calls {
    private final AtomicInteger count = new AtomicInteger();

    public void ran() {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
