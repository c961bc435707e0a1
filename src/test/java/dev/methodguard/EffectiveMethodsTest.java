package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The effective-method rule, in its one home; the resolver's tests show it applied to servlets and routes. */
class EffectiveMethodsTest {
    private static List<String> allowed(Set<String> declared, boolean allowTrace, boolean inheritsTrace, boolean headGap) {
        return List.copyOf(EffectiveMethods.of(declared, allowTrace, inheritsTrace, headGap).allowed());
    }

    @Test
    void headComesWithGetAndOptionsIsAlwaysThereSorted() {
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), allowed(Set.of("POST", "GET"), false, false, false));
        assertEquals(List.of("OPTIONS", "PUT"), allowed(Set.of("PUT"), false, false, false));
    }

    @Test
    void traceOnlyWithAllowTraceAndThenForEveryIntrospectedHttpServlet() {
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), allowed(Set.of("GET", "TRACE"), false, true, false));
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "TRACE"), allowed(Set.of("GET", "TRACE"), true, false, false));
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "TRACE"), allowed(Set.of("GET"), true, true, false));
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), allowed(Set.of("GET"), true, false, false));
    }

    @Test
    void aConstraintGapRefusesHeadAndSaysSoOnlyWhereHeadWouldHaveBeenAllowed() {
        EffectiveMethods gap = EffectiveMethods.of(Set.of("GET"), false, false, true);
        assertEquals(List.of("GET", "OPTIONS"), List.copyOf(gap.allowed()));
        assertTrue(gap.headRefused());
        EffectiveMethods noHead = EffectiveMethods.of(Set.of("POST"), false, false, true);
        assertEquals(List.of("OPTIONS", "POST"), List.copyOf(noHead.allowed()));
        assertFalse(noHead.headRefused(), "there was no HEAD to refuse");
        assertFalse(EffectiveMethods.of(Set.of("GET"), false, false, false).headRefused());
    }

    @Test
    void theResultCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> EffectiveMethods.of(Set.of("GET"), false, false, false).allowed().add("FOO"));
    }
}
