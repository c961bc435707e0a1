package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRegistration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 100,000 distinct unknown method tokens must not grow anything the filter keeps.
 *
 * <p>Why this holds, without reflection: the filter's only per-instance state is the {@link Policy}
 * (built in init(), then only read), the {@link ResponseWriter} (byte arrays fixed at construction;
 * each body is a fresh array that goes out of scope after the write) and two {@code LongAdder}
 * counters (a bounded number of cells, one per contending CPU at most, whatever the count). Policy
 * holds a private map of servlets and a private set of known methods, both filled in its constructor and
 * never written again, and capabilities (a private set, precomputed strings and bytes): there is no cache, no
 * intern table, no per-method or per-path map anywhere, so an unknown method is looked up
 * ({@code Set.contains}) and forgotten. The test checks the observable half of that: the same objects,
 * the same sizes, immutability, and every one of the 100,000 requests answered 501 without the chain.
 */
class BoundedMemoryTest {
    static final int TOKENS = 100_000;
    static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void oneHundredThousandDistinctUnknownMethodsLeaveThePolicyUnchanged() throws Exception {
        ServletRegistration items = Fakes.registration("items", TestServlets.GetPost.class.getName(), Map.of(), "/items/*");
        ServletRegistration svc = Fakes.registration("svc", TestServlets.AnnotatedService.class.getName(), Map.of(), "/svc/*");
        MethodGuardFilter filter = new MethodGuardFilter();
        filter.init(Fakes.config(Fakes.context(Map.of("items", items, "svc", svc)), Map.of()));

        Policy policy = filter.metrics().policy();
        int declared = policy.declaredCount();
        Set<String> known = policy.known();
        List<Capability> all = policy.all;
        Capability itemsCap = policy.capability("items");
        Set<String> itemsAllowed = itemsCap.allowed();
        List<Integer> allowedSizes = all.stream().map(c -> c.allowed().size()).toList();
        assertEquals(2, declared);

        Fakes.Request req = new Fakes.Request("items", "GET", "/items/1");
        Fakes.Response res = new Fakes.Response();
        AtomicInteger chain = new AtomicInteger();
        FilterChain countingChain = (rq, rs) -> chain.incrementAndGet();
        SplittableRandom random = new SplittableRandom(42);
        long heapBefore = retainedHeap();
        for (int i = 0; i < TOKENS; i++) {
            // Distinct by construction: "X", i in base 36, then "-", which base 36 never uses.
            String method = "X" + Integer.toString(i, 36) + "-" + token(random, 1 + random.nextInt(40));
            req.method = method;
            req.path = "/items/" + i;
            res.reset();
            filter.doFilter(req.proxy, res.proxy, countingChain);
            if (res.status != 501) {
                assertEquals(501, res.status, method);
            }
            if (i % 9_973 == 0) {
                String body = res.body.toString(StandardCharsets.UTF_8);
                assertTrue(body.contains("\"path\":\"/items/" + i + "\""), body);
            }
        }

        long grown = retainedHeap() - heapBefore;
        System.out.printf("[BoundedMemoryTest] retained heap after %d unknown methods: %+d KiB%n", TOKENS, grown / 1024);
        // Keeping the 100,000 tokens (about 28 characters each) would retain well over 6 MiB.
        assertTrue(grown < 3L * 1024 * 1024, "retained heap grew by " + grown / 1024 + " KiB");
        assertEquals(0, chain.get(), "an unknown method reached the chain");
        assertEquals(TOKENS, filter.metrics().getRejected501());
        assertEquals(0, filter.metrics().getRejected405());
        assertSame(policy, filter.metrics().policy(), "the policy was replaced");
        assertEquals(declared, policy.declaredCount());
        assertEquals(known, policy.known());
        assertSame(all, policy.all);
        assertSame(itemsCap, policy.capability("items"));
        assertSame(itemsAllowed, itemsCap.allowed());
        assertEquals(allowedSizes, all.stream().map(c -> c.allowed().size()).toList());
        for (String probe : List.of("X0-a", "Xzz-b", "FOO")) {
            assertTrue(!policy.isKnown(probe), "an unknown method became known: " + probe);
            assertNull(policy.capability(probe));
        }
    }

    @Test
    void thePolicyStructuresAreImmutable() throws Exception {
        ServletRegistration items = Fakes.registration("items", TestServlets.GetPost.class.getName(), Map.of(), "/items/*");
        MethodGuardFilter filter = new MethodGuardFilter();
        filter.init(Fakes.config(Fakes.context(Map.of("items", items)), Map.of()));
        Policy policy = filter.metrics().policy();
        assertThrows(UnsupportedOperationException.class, () -> policy.all.add(policy.all.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> policy.capability("items").allowed().add("FOO"));
        // known() hands out a copy: changing it changes nothing inside.
        Set<String> copy = policy.known();
        copy.add("FOO");
        assertTrue(!policy.isKnown("FOO"));
        assertThrows(UnsupportedOperationException.class, () -> policy.settings.knownMethods().add("FOO"));
        assertThrows(UnsupportedOperationException.class, () -> policy.settings.servlets().put("x", Set.of()));
    }

    /** Heap in use after full collections; a coarse second check beside the structural one. */
    static long retainedHeap() throws InterruptedException {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    static String token(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(TCHARS.charAt(r.nextInt(TCHARS.length())));
        }
        return b.toString();
    }
}
