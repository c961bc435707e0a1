package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-request decision table, with Mockito requests; the same rules over HTTP are in MethodGuardFilterIT. */
class MethodGuardFilterTest {
    private MethodGuardFilter filter;
    private final FilterChain chain = mock(FilterChain.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @BeforeEach
    void init() throws Exception {
        filter = new MethodGuardFilter();
        filter.init(Fakes.config(Fakes.registrations()
                .add("items", TestServlets.GetPost.class, "/items/*")
                .add("docs", TestServlets.AnnotatedService.class, "/docs/*")
                .add("legacy", TestServlets.Service.class, "/legacy/*"), Map.of()));
        when(response.getOutputStream()).thenReturn(mock(ServletOutputStream.class));
    }

    private static HttpServletRequest request(String method, String servletName) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn(method);
        when(req.getDispatcherType()).thenReturn(DispatcherType.REQUEST);
        when(req.getRequestURI()).thenReturn("/items/1");
        HttpServletMapping mapping = mock(HttpServletMapping.class);
        when(mapping.getServletName()).thenReturn(servletName);
        when(req.getHttpServletMapping()).thenReturn(mapping);
        return req;
    }

    @Nested
    class PassedOn {
        @Test
        void anAllowedMethodGoesDownTheChainOnceAndTheResponseIsUntouched() throws Exception {
            HttpServletRequest req = request("GET", "items");
            filter.doFilter(req, response, chain);
            verify(chain).doFilter(req, response);
            verifyNoInteractions(response);
        }

        @Test
        void anyMethodToAnUndeclaredServletGoesDownTheChain() throws Exception {
            for (String m : new String[] {"FOO", "OPTIONS", "get", "TRACE"}) {
                HttpServletRequest req = request(m, "legacy");
                filter.doFilter(req, response, chain);
                verify(chain).doFilter(req, response);
            }
            verifyNoInteractions(response);
        }

        @Test
        void aTargetThatIsNoRegistrationIsJudgedAsStaticContent() throws Exception {
            HttpServletRequest get = request("GET", "Entry wrapper");
            filter.doFilter(get, response, chain);
            verify(chain).doFilter(get, response);
            HttpServletRequest delete = request("DELETE", "Entry wrapper");
            filter.doFilter(delete, response, chain);
            verify(chain, never()).doFilter(delete, response);
            verify(response).setStatus(405);
            verify(response).setHeader("Allow", "GET, HEAD, OPTIONS");
        }

        @Test
        void aRequestWithoutAServletMappingGoesDownTheChain() throws Exception {
            HttpServletRequest req = request("FOO", "items");
            when(req.getHttpServletMapping()).thenReturn(null);
            filter.doFilter(req, response, chain);
            verify(chain).doFilter(req, response);
            verifyNoInteractions(response);
        }

        @Test
        void forwardIncludeErrorAndAsyncDispatchesAreNotChecked() throws Exception {
            for (DispatcherType type : new DispatcherType[] {DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR, DispatcherType.ASYNC}) {
                HttpServletRequest req = request("FOO", "items");
                when(req.getDispatcherType()).thenReturn(type);
                filter.doFilter(req, response, chain);
                verify(chain).doFilter(req, response);
            }
            verifyNoInteractions(response);
        }

        @Test
        void aNonHttpRequestGoesDownTheChain() throws Exception {
            ServletRequest req = mock(ServletRequest.class);
            ServletResponse res = mock(ServletResponse.class);
            filter.doFilter(req, res, chain);
            verify(chain).doFilter(req, res);
            verifyNoInteractions(res);
        }

    }

    @Nested
    class AnsweredByTheFilter {
        @Test
        void aCorsPreflightWithNoCorsHandlerInSightIsAnsweredLikeAPlainOptions() throws Exception {
            HttpServletRequest req = request("OPTIONS", "items");
            when(req.getHeader("Origin")).thenReturn("https://app.example");
            when(req.getHeader("Access-Control-Request-Method")).thenReturn("PUT");
            filter.doFilter(req, response, chain);
            verifyNoInteractions(chain);
            verify(response).setStatus(200);
            verify(response).setHeader("Allow", "GET, HEAD, OPTIONS, POST");
        }

        @Test
        void optionsIsAnsweredWithAllowAndTheChainIsNotCalled() throws Exception {
            HttpServletRequest req = request("OPTIONS", "docs");
            filter.doFilter(req, response, chain);
            verify(response).setStatus(200);
            verify(response).setHeader("Allow", "DELETE, GET, HEAD, OPTIONS, PUT");
            verifyNoInteractions(chain);
        }

        @Test
        void optionsWithOnlyAnOriginIsNotAPreflight() throws Exception {
            HttpServletRequest req = request("OPTIONS", "docs");
            when(req.getHeader("Origin")).thenReturn("https://app.example");
            filter.doFilter(req, response, chain);
            verify(response).setStatus(200);
            verifyNoInteractions(chain);
        }
    }

    @Nested
    class Rejected {
        @Test
        void aKnownMethodNotAllowedHereIsA405AndTheChainIsNotCalled() throws Exception {
            HttpServletRequest req = request("DELETE", "items");
            filter.doFilter(req, response, chain);
            verify(response).setStatus(405);
            verify(response).setHeader("Allow", "GET, HEAD, OPTIONS, POST");
            verifyNoInteractions(chain);
            // The body of a rejected request is the container's to frame: never read, no Connection header.
            verify(req, never()).getInputStream();
            verify(req, never()).getReader();
            verify(response, never()).setHeader(eq("Connection"), anyString());
            verify(response, never()).addHeader(eq("Connection"), anyString());
            assertEquals(1, filter.rejected405());
        }

        @Test
        void aMethodNoServletAllowsIsA501WithoutAllow() throws Exception {
            filter.doFilter(request("FOO", "items"), response, chain);
            verify(response).setStatus(501);
            verify(response, never()).setHeader(eq("Allow"), anyString());
            verify(response, never()).addHeader(eq("Allow"), anyString());
            verifyNoInteractions(chain);
            assertEquals(1, filter.rejected501());
        }

        @Test
        void lowercaseGetIsA501() throws Exception {
            filter.doFilter(request("get", "items"), response, chain);
            verify(response).setStatus(501);
            verifyNoInteractions(chain);
        }

        @Test
        void traceIsA405ByDefault() throws Exception {
            filter.doFilter(request("TRACE", "items"), response, chain);
            verify(response).setStatus(405);
            verifyNoInteractions(chain);
        }

        @Test
        void headWhereGetIsNotAllowedIsA405WithoutABody() throws Exception {
            MethodGuardFilter putOnly = new MethodGuardFilter();
            putOnly.init(Fakes.config(Fakes.registrations().withParam("w", TestServlets.Service.class.getName(), "PUT", "/w/*")
                    .add("items", TestServlets.GetPost.class, "/items/*"), Map.of()));
            putOnly.doFilter(request("HEAD", "w"), response, chain);
            verify(response).setStatus(405);
            verify(response, never()).getOutputStream();
            verifyNoInteractions(chain);
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void doFilterBeforeInitFailsLoudly() {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new MethodGuardFilter().doFilter(request("GET", "items"), response, chain));
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
