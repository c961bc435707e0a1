package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-request decision table, with the fake requests of {@link Fakes}; the same rules over HTTP are in MethodGuardFilterIT. */
class MethodGuardFilterTest {
    private MethodGuardFilter filter;
    private final Fakes.Chain chain = new Fakes.Chain();
    private final Fakes.Response response = new Fakes.Response();

    @BeforeEach
    void init() throws Exception {
        filter = new MethodGuardFilter();
        filter.init(Fakes.config(Fakes.registrations()
                .add("items", TestServlets.GetPost.class, "/items/*")
                .add("docs", TestServlets.AnnotatedService.class, "/docs/*")
                .add("legacy", TestServlets.Service.class, "/legacy/*"), Map.of()));
    }

    private static Fakes.Request request(String method, String servletName) {
        return new Fakes.Request(servletName, method, "/items/1");
    }

    private void doFilter(Fakes.Request req) throws Exception {
        filter.doFilter(req.proxy, response.proxy, chain);
    }

    /** The chain's last call was with exactly this request and the response, and it was its only one with them. */
    private void assertPassedOn(Fakes.Request req) {
        assertTrue(!chain.passed.isEmpty(), "the chain was not called");
        Object[] last = chain.passed.get(chain.passed.size() - 1);
        assertSame(req.proxy, last[0]);
        assertSame(response.proxy, last[1]);
        assertEquals(1, chain.passed.stream().filter(p -> p[0] == req.proxy).count());
    }

    private void assertResponseUntouched() {
        assertTrue(response.calls.none(), response.calls.toString());
    }

    private void assertChainNotCalled() {
        assertTrue(chain.passed.isEmpty(), "the chain was called");
    }

    @Nested
    class PassedOn {
        @Test
        void anAllowedMethodGoesDownTheChainOnceAndTheResponseIsUntouched() throws Exception {
            Fakes.Request req = request("GET", "items");
            doFilter(req);
            assertPassedOn(req);
            assertResponseUntouched();
        }

        @Test
        void anyMethodButTraceToAnUndeclaredServletGoesDownTheChain() throws Exception {
            for (String m : new String[] {"FOO", "OPTIONS", "get", "trace", "DELETE"}) {
                Fakes.Request req = request(m, "legacy");
                doFilter(req);
                assertPassedOn(req);
            }
            assertResponseUntouched();
        }

        @Test
        void aTargetThatIsNoRegistrationIsJudgedAsStaticContent() throws Exception {
            Fakes.Request get = request("GET", "Entry wrapper");
            doFilter(get);
            assertPassedOn(get);
            Fakes.Request delete = request("DELETE", "Entry wrapper");
            doFilter(delete);
            assertEquals(1, chain.passed.size(), "DELETE was passed on");
            assertEquals(1, response.calls.count("setStatus", 405), response.calls.toString());
            assertEquals(1, response.calls.count("setHeader", "Allow", "GET, HEAD, OPTIONS"), response.calls.toString());
        }

        @Test
        void aRequestWithoutAServletMappingGoesDownTheChain() throws Exception {
            Fakes.Request req = request("FOO", "items");
            req.servletName = null;
            doFilter(req);
            assertPassedOn(req);
            assertResponseUntouched();
        }

        @Test
        void forwardIncludeErrorAndAsyncDispatchesAreNotChecked() throws Exception {
            for (DispatcherType type : new DispatcherType[] {DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR, DispatcherType.ASYNC}) {
                Fakes.Request req = request("FOO", "items");
                req.dispatcherType = type;
                doFilter(req);
                assertPassedOn(req);
            }
            assertResponseUntouched();
        }

        @Test
        void aNonHttpRequestGoesDownTheChain() throws Exception {
            ServletRequest req = Fakes.proxy(ServletRequest.class, (m, a) -> null);
            Fakes.Calls resCalls = new Fakes.Calls();
            ServletResponse res = Fakes.proxy(ServletResponse.class, (m, a) -> {
                resCalls.add(m, a);
                return null;
            });
            filter.doFilter(req, res, chain);
            assertTrue(chain.passedOnce(req, res));
            assertTrue(resCalls.none(), resCalls.toString());
        }

    }

    @Nested
    class AnsweredByTheFilter {
        @Test
        void traceToAnUndeclaredServletIsA501SoItCannotEchoTheRequest() throws Exception {
            doFilter(request("TRACE", "legacy"));
            assertChainNotCalled();
            assertEquals(1, response.calls.count("setStatus", 501), response.calls.toString());
            assertTrue(response.calls.log.stream().noneMatch(c -> c.startsWith("setHeader[Allow,")), response.calls.toString());
        }


        @Test
        void aCorsPreflightWithNoCorsHandlerInSightIsAnsweredLikeAPlainOptions() throws Exception {
            Fakes.Request req = request("OPTIONS", "items");
            req.headers.put("Origin", "https://app.example");
            req.headers.put("Access-Control-Request-Method", "PUT");
            doFilter(req);
            assertChainNotCalled();
            assertEquals(1, response.calls.count("setStatus", 200), response.calls.toString());
            assertEquals(1, response.calls.count("setHeader", "Allow", "GET, HEAD, OPTIONS, POST"), response.calls.toString());
        }

        @Test
        void optionsIsAnsweredWithAllowAndTheChainIsNotCalled() throws Exception {
            Fakes.Request req = request("OPTIONS", "docs");
            doFilter(req);
            assertEquals(1, response.calls.count("setStatus", 200), response.calls.toString());
            assertEquals(1, response.calls.count("setHeader", "Allow", "DELETE, GET, HEAD, OPTIONS, PUT"), response.calls.toString());
            assertChainNotCalled();
        }

        @Test
        void optionsWithOnlyAnOriginIsNotAPreflight() throws Exception {
            Fakes.Request req = request("OPTIONS", "docs");
            req.headers.put("Origin", "https://app.example");
            doFilter(req);
            assertEquals(1, response.calls.count("setStatus", 200), response.calls.toString());
            assertChainNotCalled();
        }
    }

    @Nested
    class Rejected {
        @Test
        void aKnownMethodNotAllowedHereIsA405AndTheChainIsNotCalled() throws Exception {
            Fakes.Request req = request("DELETE", "items");
            doFilter(req);
            assertEquals(1, response.calls.count("setStatus", 405), response.calls.toString());
            assertEquals(1, response.calls.count("setHeader", "Allow", "GET, HEAD, OPTIONS, POST"), response.calls.toString());
            assertChainNotCalled();
            // The body of a rejected request is the container's to frame: never read, no Connection header.
            assertFalse(req.called.contains("getInputStream"), req.called.toString());
            assertFalse(req.called.contains("getReader"), req.called.toString());
            assertFalse(response.headers.containsKey("Connection"), "setHeader or addHeader Connection: " + response.calls);
            assertEquals(1, filter.metrics().getRejected405());
        }

        @Test
        void aMethodNoServletAllowsIsA501WithoutAllow() throws Exception {
            doFilter(request("FOO", "items"));
            assertEquals(1, response.calls.count("setStatus", 501), response.calls.toString());
            assertFalse(response.headers.containsKey("Allow"), "setHeader or addHeader Allow: " + response.calls);
            assertChainNotCalled();
            assertEquals(1, filter.metrics().getRejected501());
        }

        @Test
        void lowercaseGetIsA501() throws Exception {
            doFilter(request("get", "items"));
            assertEquals(1, response.calls.count("setStatus", 501), response.calls.toString());
            assertChainNotCalled();
        }

        @Test
        void traceIsA405ByDefault() throws Exception {
            doFilter(request("TRACE", "items"));
            assertEquals(1, response.calls.count("setStatus", 405), response.calls.toString());
            assertChainNotCalled();
        }

        @Test
        void headWhereGetIsNotAllowedIsA405WithoutABody() throws Exception {
            MethodGuardFilter putOnly = new MethodGuardFilter();
            putOnly.init(Fakes.config(Fakes.registrations().withParam("w", TestServlets.Service.class.getName(), "PUT", "/w/*")
                    .add("items", TestServlets.GetPost.class, "/items/*"), Map.of()));
            putOnly.doFilter(request("HEAD", "w").proxy, response.proxy, chain);
            assertEquals(1, response.calls.count("setStatus", 405), response.calls.toString());
            assertFalse(response.calls.any("getOutputStream"), response.calls.toString());
            assertChainNotCalled();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void doFilterBeforeInitFailsLoudly() {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new MethodGuardFilter().doFilter(request("GET", "items").proxy, response.proxy, chain));
            assertTrue(e.getMessage().contains("before init()"));
        }

        @Test
        void aBuiltFilterRefusesInitParamsInsteadOfIgnoringThem() {
            MethodGuardFilter built = MethodGuardFilter.builder().format(BodyFormat.PROBLEM).build();
            ServletException e = assertThrows(ServletException.class, () -> built.init(Fakes.config(
                    Fakes.registrations().add("items", TestServlets.GetPost.class), Map.of("format", "json"))));
            assertTrue(e.getMessage().contains("configured with MethodGuardFilter.builder()"), e.getMessage());
            assertTrue(e.getMessage().contains("[format]"), e.getMessage());
        }
    }
}
