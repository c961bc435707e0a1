package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodsTest {
    @Nested
    class Tokens {
        @Test
        void everyTcharOfRfc9110IsAccepted() {
            assertTrue(Methods.isToken("!#$%&'*+-.^_`|~0123456789abcxyzABCXYZ"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "GE T", "P@ST", "GET,", "(GET)", "G\"T", "G/T", "G:T", "G\tT", "G\u0000T", "G\u00e9T", "G\u007fT", "{GET}"})
        void separatorsControlsAndNonAsciiAreNot(String s) {
            assertFalse(Methods.isToken(s));
        }

        @Test
        void nullIsNoToken() {
            assertFalse(Methods.isToken(null));
        }
    }

    @Nested
    class Lists {
        @Test
        void blanksAroundCommasAndDuplicatesAreFine() {
            assertEquals(List.of("GET", "PUT"), List.copyOf(Methods.parseList("  GET ,PUT,GET ")));
        }

        @Test
        void aBlankListIsRejected() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Methods.parseList(" ")).getMessage().contains("empty"));
        }

        @Test
        void anEmptyEntryIsRejected() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Methods.parseList("GET,,PUT")).getMessage().contains("empty entry"));
        }

        @Test
        void anInvalidTokenIsRejectedByName() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Methods.parseList("GET, P@ST"));
            assertTrue(e.getMessage().startsWith("'P@ST' is not a valid method"), e.getMessage());
        }

        @Test
        void anInvalidTokenWithAControlCharacterIsQuotedVisibly() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Methods.parseList("GET, P\nST"));
            assertTrue(e.getMessage().startsWith("'P\\u000aST'"), e.getMessage());
        }
    }
}
