package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every kind of configuration mistake fails {@code init()} (or, for the builder, the call itself) with a
 * message naming the parameter and the value, so the deployment fails loudly instead of running with a
 * default the operator did not choose. Unit level, with fake FilterConfig and ServletContext; the
 * same failure through real Jetty is in {@link BadConfigurationIT}.
 */
class BadConfigurationTest {
    static final String GET_POST = TestServlets.GetPost.class.getName();

    @AllowedMethods({})
    static class EmptyAnnotation extends TestServlets.Service {
    }

    @AllowedMethods({"GET", "NOT A TOKEN"})
    static class BadTokenAnnotation extends TestServlets.Service {
    }

    @AllowedMethods({"GET", "PO\"ST"})
    static class QuoteAnnotation extends TestServlets.Service {
    }

    static ServletException initFails(MethodGuardFilter filter, Map<String, String> filterParams, ServletRegistration... regs) {
        Map<String, ServletRegistration> byName = new LinkedHashMap<>();
        for (ServletRegistration r : regs) {
            byName.put(r.getName(), r);
        }
        if (byName.isEmpty()) {
            byName.put("items", Fakes.registration("items", GET_POST, Map.of(), "/items/*"));
        }
        return assertThrows(ServletException.class,
                () -> filter.init(Fakes.config(Fakes.context(byName), filterParams)));
    }

    static ServletException initFails(Map<String, String> filterParams) {
        return initFails(new MethodGuardFilter(), filterParams);
    }

    static void assertNames(Exception e, String... parts) {
        String m = e.getMessage();
        for (String p : parts) {
            assertTrue(m.contains(p), "message lacks \"" + p + "\": " + m);
        }
        assertFalse(m.contains("\n") || m.contains("\r"), "message spans lines: " + m);
    }

    @Nested
    class FilterInitParams {
        @Test
        void aKnownMethodsListWithASpaceInsteadOfACommaFails() {
            assertNames(initFails(Map.of("known-methods", "PROPFIND MKCOL")), "known-methods", "'PROPFIND MKCOL'", "token");
        }

        @Test
        void anEmptyKnownMethodsListFails() {
            assertNames(initFails(Map.of("known-methods", "  ")), "known-methods", "'  '", "empty");
        }

        @Test
        void aKnownMethodsListWithAnEmptyEntryFails() {
            assertNames(initFails(Map.of("known-methods", "PROPFIND,,MKCOL")), "known-methods", "'PROPFIND,,MKCOL'", "empty entry");
        }

        @Test
        void aKnownMethodWithASeparatorCharacterFails() {
            assertNames(initFails(Map.of("known-methods", "PROP;FIND")), "known-methods", "'PROP;FIND'");
            assertNames(initFails(Map.of("known-methods", "GÉT")), "known-methods", "'GÉT'");
        }

        @Test
        void aKnownMethodWithALineBreakFailsAndTheMessageShowsItEscaped() {
            ServletException e = initFails(Map.of("known-methods", "GET\nPOST"));
            assertNames(e, "known-methods", "GET\\u000aPOST");
        }

        @Test
        void anUnknownFormatFails() {
            assertNames(initFails(Map.of("format", "xml")), "format", "'xml'", "json, problem");
        }

        @Test
        void anEmptyFormatFails() {
            assertNames(initFails(Map.of("format", "")), "format", "''", "json, problem");
        }

        @Test
        void anAllowTraceThatIsNotABooleanFails() {
            assertNames(initFails(Map.of("allow-trace", "yes")), "allow-trace", "'yes'", "true, false");
        }

        @Test
        void aMisspelledParameterNameFails() {
            assertNames(initFails(Map.of("allow_trace", "true")), "allow_trace", "'true'", "known-methods, format, allow-trace");
        }

        @Test
        void aVeryLongBadValueIsCutInTheMessage() {
            ServletException e = initFails(Map.of("format", "x".repeat(10_000)));
            assertNames(e, "format", "xxx...");
            assertTrue(e.getMessage().length() < 600, "message of " + e.getMessage().length() + " characters");
        }
    }

    @Nested
    class ServletDeclarations {
        @Test
        void aServletInitParamWithAnInvalidMethodFails() {
            ServletRegistration reg = Fakes.registration("orders", TestServlets.Service.class.getName(),
                    Map.of("methodguard.allowed-methods", "GET POST"), "/orders/*");
            assertNames(initFails(new MethodGuardFilter(), Map.of(), reg), "orders", "methodguard.allowed-methods", "'GET POST'");
        }

        @Test
        void anEmptyServletInitParamFails() {
            ServletRegistration reg = Fakes.registration("orders", TestServlets.Service.class.getName(),
                    Map.of("methodguard.allowed-methods", ""), "/orders/*");
            assertNames(initFails(new MethodGuardFilter(), Map.of(), reg), "orders", "methodguard.allowed-methods", "''", "empty");
        }

        @Test
        void anEmptyAnnotationFails() {
            ServletRegistration reg = Fakes.registration("empty", EmptyAnnotation.class.getName(), Map.of(), "/e/*");
            assertNames(initFails(new MethodGuardFilter(), Map.of(), reg), "empty", "@AllowedMethods", EmptyAnnotation.class.getName(), "[]");
        }

        @Test
        void anAnnotationWithAnInvalidMethodFails() {
            ServletRegistration reg = Fakes.registration("bad", BadTokenAnnotation.class.getName(), Map.of(), "/b/*");
            assertNames(initFails(new MethodGuardFilter(), Map.of(), reg), "bad", "@AllowedMethods", "'NOT A TOKEN'");
        }

        @Test
        void anAnnotationWithAQuoteInAMethodFails() {
            ServletRegistration reg = Fakes.registration("quote", QuoteAnnotation.class.getName(), Map.of(), "/q/*");
            assertNames(initFails(new MethodGuardFilter(), Map.of(), reg), "quote", "@AllowedMethods", "'PO\"ST'");
        }
    }

    @Nested
    class Builder {
        @Test
        void anInvalidMethodFailsAtTheCall() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MethodGuardFilter.builder().allowedMethods("items", "GET", "BAD METHOD"));
            assertNames(e, "allowedMethods(\"items\")", "'BAD METHOD'");
        }

        @Test
        void noMethodsFailAtTheCall() {
            assertNames(assertThrows(IllegalArgumentException.class, () -> MethodGuardFilter.builder().allowedMethods("items")),
                    "allowedMethods(\"items\")", "no methods");
            assertNames(assertThrows(IllegalArgumentException.class, () -> MethodGuardFilter.builder().knownMethods()),
                    "knownMethods", "no methods");
        }

        @Test
        void aNullMethodFailsAtTheCall() {
            assertNames(assertThrows(IllegalArgumentException.class, () -> MethodGuardFilter.builder().knownMethods("PROPFIND", null)),
                    "knownMethods", "null");
        }

        @Test
        void anOptionSetTwiceFails() {
            MethodGuardFilter.Builder b = MethodGuardFilter.builder().format(BodyFormat.PROBLEM);
            assertNames(assertThrows(IllegalStateException.class, () -> b.format(BodyFormat.JSON)), "format", "PROBLEM");
            MethodGuardFilter.Builder t = MethodGuardFilter.builder().allowTrace(false);
            assertNames(assertThrows(IllegalStateException.class, () -> t.allowTrace(true)), "allowTrace", "allow-trace", "false");
            MethodGuardFilter.Builder k = MethodGuardFilter.builder().knownMethods("PROPFIND");
            assertNames(assertThrows(IllegalStateException.class, () -> k.knownMethods("MKCOL")), "knownMethods", "PROPFIND");
            MethodGuardFilter.Builder j = MethodGuardFilter.builder().jmx(false);
            assertNames(assertThrows(IllegalStateException.class, () -> j.jmx(true)), "jmx", "false");
        }

        @Test
        void aServletDeclaredTwiceFails() {
            MethodGuardFilter.Builder b = MethodGuardFilter.builder().allowedMethods("items", "GET");
            assertNames(assertThrows(IllegalStateException.class, () -> b.allowedMethods("items", "POST")), "items", "GET");
        }

        @Test
        void aServletNameThatIsNotRegisteredFailsInit() {
            MethodGuardFilter filter = MethodGuardFilter.builder().allowedMethods("itmes", "GET").build();
            assertNames(initFails(filter, Map.of()), "itmes", "registered: items");
        }

        @Test
        void aServletDeclaredByTheBuilderAndByItsInitParamFailsInit() {
            ServletRegistration reg = Fakes.registration("orders", TestServlets.Service.class.getName(),
                    Map.of("methodguard.allowed-methods", "GET"), "/orders/*");
            MethodGuardFilter filter = MethodGuardFilter.builder().allowedMethods("orders", "POST").build();
            assertNames(initFails(filter, Map.of(), reg), "orders", "methodguard.allowed-methods", "'GET'", "twice");
        }

        @Test
        void aBuiltFilterWithInitParamsFailsInit() {
            MethodGuardFilter filter = MethodGuardFilter.builder().format(BodyFormat.PROBLEM).build();
            assertNames(initFails(filter, Map.of("format", "json")), "builder", "format");
        }
    }
}
