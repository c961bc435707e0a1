package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.Capability.Source;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CapabilityResolverTest {

    // --- servlets to resolve ---------------------------------------------------------------------------

    static class AllDoMethods extends HttpServlet {
        @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doPost(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doDelete(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doHead(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doOptions(HttpServletRequest q, HttpServletResponse r) { }
        @Override protected void doTrace(HttpServletRequest q, HttpServletResponse r) { }
    }

    static class OnlyPut extends HttpServlet {
        @Override protected void doPut(HttpServletRequest q, HttpServletResponse r) { }
    }

    /** doGet declared two levels up: still "overridden below HttpServlet". */
    static class DeepGet extends TestServlets.GetPost {
    }

    static class Nothing extends HttpServlet {
    }

    /** On Servlet 6.0 (the unit-test class path) doPatch is just a method: the container never calls it. */
    static class Patch extends HttpServlet {
        @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) { }
        protected void doPatch(HttpServletRequest q, HttpServletResponse r) { }
    }

    static class GenericServiceOverride extends HttpServlet {
        @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) { }
        @Override public void service(ServletRequest q, ServletResponse r) { }
    }

    /** Overrides service() in a superclass: its subclass's doXxx say nothing either. */
    static class SubOfService extends TestServlets.Service {
        @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) { }
    }

    static class Generic extends GenericServlet {
        @Override public void service(ServletRequest q, ServletResponse r) { }
    }

    @AllowedMethods({"PUT"})
    static class AnnotatedWithDoGet extends HttpServlet {
        @Override protected void doGet(HttpServletRequest q, HttpServletResponse r) { }
    }

    @AllowedMethods({})
    static class EmptyAnnotation extends HttpServlet {
    }

    @AllowedMethods({"GET", "P@ST"})
    static class BadAnnotation extends HttpServlet {
    }

    @AllowedMethods({"GET", "TRACE"})
    static class DeclaresTrace extends TestServlets.Service {
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static Policy resolve(Fakes.Registrations regs) throws ServletException {
        return resolve(regs, MethodGuardFilter.builder());
    }

    private static Policy resolve(Fakes.Registrations regs, MethodGuardFilter.Builder builder) throws ServletException {
        return CapabilityResolver.resolve(builder.settings(), Fakes.context(regs), "MethodGuardFilter 'methodGuard'");
    }

    private static Capability only(Fakes.Registrations regs) throws ServletException {
        return resolve(regs).all.get(0);
    }

    @Nested
    class Introspection {
        @Test
        void everyOverriddenDoMethodCountsAndTraceIsStillRemovedByDefault() throws Exception {
            assertEquals(Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE"), CapabilityResolver.introspect(AllDoMethods.class));
            assertEquals("DELETE, GET, HEAD, OPTIONS, POST, PUT", only(Fakes.registrations().add("all", AllDoMethods.class, "/all/*")).allowHeader);
        }

        @Test
        void doGetGivesGetAndHeadAndOptionsIsAlwaysAdded() throws Exception {
            Capability c = only(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*"));
            assertEquals(Source.INTROSPECTION, c.source);
            assertEquals("GET, HEAD, OPTIONS, POST", c.allowHeader);
        }

        @Test
        void aServletWithoutDoGetDoesNotGetHead() throws Exception {
            assertEquals("OPTIONS, PUT", only(Fakes.registrations().add("put", OnlyPut.class)).allowHeader);
        }

        @Test
        void doMethodsDeclaredInAnIntermediateSuperclassCount() throws Exception {
            assertEquals("GET, HEAD, OPTIONS, POST", only(Fakes.registrations().add("deep", DeepGet.class)).allowHeader);
        }

        @Test
        void aServletThatOverridesNothingAllowsOnlyOptions() throws Exception {
            Capability c = only(Fakes.registrations().add("nothing", Nothing.class));
            assertTrue(c.isDeclared());
            assertEquals("OPTIONS", c.allowHeader);
        }

        @Test
        void doPatchDoesNotCountWhereTheContainersHttpServletHasNoDoPatch() {
            assertEquals(Set.of("GET"), CapabilityResolver.introspect(Patch.class));
        }
    }

    @Nested
    class Undeclared {
        @Test
        void aServletOverridingTheHttpServiceMethodIsUndeclared() throws Exception {
            Capability c = only(Fakes.registrations().add("legacy", TestServlets.Service.class));
            assertFalse(c.isDeclared());
            assertEquals("overrides service()", c.note);
        }

        @Test
        void aServletOverridingTheGenericServiceMethodIsUndeclared() throws Exception {
            assertFalse(only(Fakes.registrations().add("g", GenericServiceOverride.class)).isDeclared());
        }

        @Test
        void aSubclassOfAServiceOverridingServletIsUndeclaredDespiteItsDoGet() throws Exception {
            assertFalse(only(Fakes.registrations().add("sub", SubOfService.class)).isDeclared());
        }

        @Test
        void aGenericServletIsUndeclared() throws Exception {
            Capability c = only(Fakes.registrations().add("generic", Generic.class));
            assertFalse(c.isDeclared());
            assertEquals("not an HttpServlet", c.note);
        }

        @Test
        void aClassThatCannotBeLoadedIsUndeclaredNotAnError() throws Exception {
            Capability c = only(Fakes.registrations().add("ghost", "com.example.DoesNotExist"));
            assertFalse(c.isDeclared());
            assertTrue(c.note.contains("com.example.DoesNotExist"));
        }

        @Test
        void aRegistrationWithoutAClassIsUndeclared() throws Exception {
            assertFalse(only(Fakes.registrations().withParam("jspFile", null, null)).isDeclared());
        }

        @Test
        void undeclaredServletsPassThroughAndAddNothingToKnown() throws Exception {
            Policy p = resolve(Fakes.registrations().add("legacy", TestServlets.Service.class));
            assertFalse(p.capability("legacy").isDeclared());
            assertEquals(Set.of("OPTIONS", "TRACE"), p.known());
        }
    }

    @Nested
    class Precedence {
        @Test
        void theServletInitParamBeatsTheAnnotation() throws Exception {
            Capability c = only(Fakes.registrations().withParam("a", AnnotatedWithDoGet.class.getName(), "DELETE"));
            assertEquals(Source.INIT_PARAM, c.source);
            assertEquals("DELETE, OPTIONS", c.allowHeader);
        }

        @Test
        void theAnnotationBeatsIntrospection() throws Exception {
            Capability c = only(Fakes.registrations().add("a", AnnotatedWithDoGet.class));
            assertEquals(Source.ANNOTATION, c.source);
            assertEquals("OPTIONS, PUT", c.allowHeader);
        }

        @Test
        void theAnnotationDeclaresAServiceServletAndIsInherited() throws Exception {
            Capability c = only(Fakes.registrations().add("docs", TestServlets.InheritsAnnotation.class));
            assertEquals(Source.ANNOTATION, c.source);
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", c.allowHeader);
        }

        @Test
        void theBuilderDeclaresByServletName() throws Exception {
            Policy p = resolve(Fakes.registrations().add("reports", TestServlets.Service.class),
                    MethodGuardFilter.builder().allowedMethods("reports", "GET"));
            assertEquals(Source.BUILDER, p.capability("reports").source);
            assertEquals("GET, HEAD, OPTIONS", p.capability("reports").allowHeader);
        }

        @Test
        void theBuilderAndTheInitParamForOneServletIsAnError() {
            ServletException e = assertThrows(ServletException.class, () -> resolve(
                    Fakes.registrations().withParam("reports", TestServlets.Service.class.getName(), "GET"),
                    MethodGuardFilter.builder().allowedMethods("reports", "POST")));
            assertTrue(e.getMessage().contains("servlet 'reports' is declared twice"), e.getMessage());
        }

        @Test
        void theBuilderNamingAnUnregisteredServletIsAnErrorListingTheRegisteredOnes() {
            ServletException e = assertThrows(ServletException.class, () -> resolve(
                    Fakes.registrations().add("items", TestServlets.GetPost.class),
                    MethodGuardFilter.builder().allowedMethods("itmes", "GET")));
            assertTrue(e.getMessage().contains("servlet 'itmes'"), e.getMessage());
            assertTrue(e.getMessage().contains("registered: items"), e.getMessage());
        }
    }

    @Nested
    class ContainerServlets {
        @Test
        void theTomcatAndJettyDefaultAndResourceServletsServeReadsOnly() throws Exception {
            for (String cls : new String[] {"org.apache.catalina.servlets.DefaultServlet", "org.eclipse.jetty.ee10.servlet.DefaultServlet",
                    "org.eclipse.jetty.ee11.servlet.DefaultServlet", "org.eclipse.jetty.ee10.servlet.ResourceServlet",
                    "org.eclipse.jetty.ee11.servlet.ResourceServlet"}) {
                Capability c = only(Fakes.registrations().add("default", cls, "/"));
                assertEquals(Source.CONTAINER_DEFAULT, c.source, cls);
                assertEquals("GET, HEAD, OPTIONS", c.allowHeader, cls);
            }
        }

        @Test
        void jspServletsAnswerGetHeadAndPost() throws Exception {
            for (String cls : new String[] {"org.apache.jasper.servlet.JspServlet", "org.eclipse.jetty.ee10.jsp.JettyJspServlet",
                    "org.eclipse.jetty.ee11.jsp.JettyJspServlet", "org.eclipse.jetty.jsp.JettyJspServlet"}) {
                assertEquals("GET, HEAD, OPTIONS, POST", only(Fakes.registrations().add("jsp", cls, "*.jsp")).allowHeader, cls);
            }
        }

        @Test
        void jettysFallback404ServletIsJudgedLikeStaticContentWithoutWideningKnown() throws Exception {
            for (String ee : new String[] {"ee10", "ee11"}) {
                Policy p = resolve(Fakes.registrations().add("fallback", "org.eclipse.jetty." + ee + ".servlet.ServletHandler$Default404Servlet", "/"));
                Capability c = p.capability("fallback");
                assertEquals(Source.CONTAINER_FALLBACK, c.source, ee);
                assertEquals("GET, HEAD, OPTIONS", c.allowHeader, ee);
                assertFalse(c.ownsOptions, ee);
                assertEquals(Set.of("OPTIONS", "TRACE"), p.known(), ee + ": a fallback makes nothing known");
                assertTrue(p.warnings.isEmpty(), ee + ": no warning");
            }
        }

        @Test
        void jakartaFacesServletIsRecognizedAsGetAndPostAndDoesNotOwnOptions() throws Exception {
            Capability c = only(Fakes.registrations().add("faces", "jakarta.faces.webapp.FacesServlet", "*.xhtml"));
            assertEquals(Source.FRAMEWORK, c.source);
            assertEquals("GET, HEAD, OPTIONS, POST", c.allowHeader);
            assertFalse(c.ownsOptions);
        }

        @Test
        void undertowsAndGlassFishsContainerServletsAreRecognized() throws Exception {
            assertEquals("GET, HEAD, OPTIONS", only(Fakes.registrations().add("default", "io.undertow.servlet.handlers.DefaultServlet", "/")).allowHeader);
            assertEquals("GET, HEAD, OPTIONS, POST", only(Fakes.registrations().add("jsp", "org.glassfish.wasp.servlet.JspServlet", "*.jsp")).allowHeader);
        }

        @Test
        void tomcatsDefaultServletWithReadonlyFalseAlsoTakesPutAndDeleteAndMakesThemKnown() throws Exception {
            Policy p = resolve(Fakes.registrations().withInitParam("default", "org.apache.catalina.servlets.DefaultServlet", "readonly", "false", "/"));
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", p.capability("default").allowHeader);
            assertTrue(p.isKnown("PUT") && p.isKnown("DELETE"));
            for (String readonly : new String[] {"true", "TRUE"}) {
                Policy q = resolve(Fakes.registrations().withInitParam("default", "org.apache.catalina.servlets.DefaultServlet", "readonly", readonly, "/"));
                assertEquals("GET, HEAD, OPTIONS", q.capability("default").allowHeader, readonly);
            }
            // Tomcat reads the flag with Boolean.parseBoolean: anything but "true" is writable, and so is it here.
            Policy odd = resolve(Fakes.registrations().withInitParam("default", "org.apache.catalina.servlets.DefaultServlet", "readonly", "no", "/"));
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", odd.capability("default").allowHeader);
        }

        @Test
        void anInitParamStillOverridesAContainerServlet() throws Exception {
            Capability c = only(Fakes.registrations().withParam("default", "org.apache.catalina.servlets.DefaultServlet", "GET, PUT, DELETE", "/"));
            assertEquals(Source.INIT_PARAM, c.source);
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", c.allowHeader);
        }
    }

    @Nested
    class TraceAndKnown {
        @Test
        void declaredTraceIsDroppedWhileAllowTraceIsOff() throws Exception {
            assertEquals("GET, HEAD, OPTIONS", only(Fakes.registrations().add("t", DeclaresTrace.class)).allowHeader);
        }

        @Test
        void withAllowTraceIntrospectedServletsGetTheTraceTheyInherit() throws Exception {
            Policy p = resolve(Fakes.registrations().add("items", TestServlets.GetPost.class).add("docs", TestServlets.AnnotatedService.class),
                    MethodGuardFilter.builder().allowTrace(true));
            assertEquals("GET, HEAD, OPTIONS, POST, TRACE", p.capability("items").allowHeader);
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", p.capability("docs").allowHeader); // declared without TRACE
        }

        @Test
        void knownIsTheUnionOfDeclaredMethodsPlusKnownMethodsOptionsAndTrace() throws Exception {
            Policy p = resolve(Fakes.registrations().add("items", TestServlets.GetPost.class).add("put", OnlyPut.class)
                    .add("legacy", TestServlets.Service.class), MethodGuardFilter.builder().knownMethods("PROPFIND"));
            assertEquals(Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS", "TRACE", "PROPFIND"), p.known());
            assertTrue(p.isKnown("PUT"));
            assertFalse(p.isKnown("put"));
            assertFalse(p.isKnown("DELETE"));
        }
    }

    @Nested
    class BadDeclarations {
        @Test
        void anEmptyAnnotationFailsNamingServletAndClass() {
            ServletException e = assertThrows(ServletException.class, () -> resolve(Fakes.registrations().add("empty", EmptyAnnotation.class)));
            assertTrue(e.getMessage().contains("servlet 'empty' @AllowedMethods on " + EmptyAnnotation.class.getName()), e.getMessage());
        }

        @Test
        void anInvalidTokenInTheAnnotationFailsNamingIt() {
            ServletException e = assertThrows(ServletException.class, () -> resolve(Fakes.registrations().add("bad", BadAnnotation.class)));
            assertTrue(e.getMessage().contains("'P@ST' is not a valid method"), e.getMessage());
        }

        @Test
        void anInvalidServletInitParamFailsNamingServletParameterAndValue() {
            ServletException e = assertThrows(ServletException.class,
                    () -> resolve(Fakes.registrations().withParam("orders", TestServlets.Service.class.getName(), "GET, P@ST")));
            assertTrue(e.getMessage().contains("servlet 'orders' init-param methodguard.allowed-methods = 'GET, P@ST'"), e.getMessage());
            assertTrue(e.getMessage().contains("'P@ST' is not a valid method"), e.getMessage());
        }

        @Test
        void anEmptyServletInitParamFails() {
            ServletException e = assertThrows(ServletException.class,
                    () -> resolve(Fakes.registrations().withParam("orders", TestServlets.Service.class.getName(), " ")));
            assertTrue(e.getMessage().contains("the list is empty"), e.getMessage());
        }
    }

    @Test
    void theStartupTableListsEveryServletWithMappingsMethodsAndSource() throws Exception {
        String table = resolve(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*")
                .add("legacy", TestServlets.Service.class, "/legacy/*")).describe("/shop");
        assertTrue(table.startsWith("MethodGuard policy for context '/shop' (mode=enforce, format=json, allow-trace=false, preflight=auto)"), table);
        assertTrue(table.matches("(?s).*\\(unregistered\\)\\s+GET, HEAD, OPTIONS\\s+container fallback.*"), table);
        assertTrue(table.matches("(?s).*items\\s+/items/\\*\\s+GET, HEAD, OPTIONS, POST\\s+introspection.*"), table);
        assertTrue(table.matches("(?s).*legacy\\s+/legacy/\\*\\s+-\\s+undeclared \\(overrides service\\(\\)\\): passes through.*"), table);
        assertTrue(table.endsWith("known methods: GET, HEAD, OPTIONS, POST, TRACE"), table);
    }
}
