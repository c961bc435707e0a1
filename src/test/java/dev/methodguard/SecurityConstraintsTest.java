package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.ServletSecurity.EmptyRoleSemantic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityConstraintsTest {
    private static final String JAKARTA = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">";

    private static String webXml(String head, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + head + body + "</web-app>";
    }

    private static String constraint(String pattern, String methods, boolean auth) {
        StringBuilder b = new StringBuilder("<security-constraint><web-resource-collection><web-resource-name>r</web-resource-name>")
                .append("<url-pattern>").append(pattern).append("</url-pattern>").append(methods).append("</web-resource-collection>");
        if (auth) {
            b.append("<auth-constraint><role-name>admin</role-name></auth-constraint>");
        }
        return b.append("</security-constraint>").toString();
    }

    private static SecurityConstraints parse(String xml) throws Exception {
        return SecurityConstraints.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String gap(String xml, String... mappings) throws Exception {
        return parse(xml).headGap(List.of(mappings), null);
    }

    @Nested
    class WebXml {
        @Test
        void aConstraintOnGetAndPostOnlyIsAHeadGapNamingThePattern() throws Exception {
            String g = gap(webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method><http-method>POST</http-method>", true)), "/admin/*");
            assertEquals("web.xml security-constraint on url-pattern '/admin/*' constrains GET but not HEAD", g);
        }

        @Test
        void aConstraintThatAlsoListsHeadIsNoGap() throws Exception {
            assertNull(gap(webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method><http-method>HEAD</http-method>", true)), "/admin/*"));
        }

        @Test
        void aSecondConstraintOnHeadForThePatternClosesTheGap() throws Exception {
            assertNull(gap(webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method>", true)
                    + constraint("/admin/*", "<http-method>HEAD</http-method>", true)), "/admin/*"));
        }

        @Test
        void aConstraintOnAllMethodsIsNoGap() throws Exception {
            assertNull(gap(webXml(JAKARTA, constraint("/admin/*", "", true)), "/admin/*"));
        }

        @Test
        void omittingHeadButNotGetIsAGap() throws Exception {
            assertTrue(gap(webXml(JAKARTA, constraint("/admin/*", "<http-method-omission>HEAD</http-method-omission>", true)), "/admin/*") != null);
        }

        @Test
        void denyUncoveredHttpMethodsClosesEveryGap() throws Exception {
            assertNull(gap(webXml(JAKARTA, "<deny-uncovered-http-methods/>" + constraint("/admin/*", "<http-method>GET</http-method>", true)), "/admin/*"));
        }

        @Test
        void aConstraintWithoutAuthConstraintRequiresNothingAndIsNoGap() throws Exception {
            assertNull(gap(webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method>", false)), "/admin/*"));
        }

        @Test
        void aServletMappedElsewhereIsNotAffected() throws Exception {
            assertNull(gap(webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method>", true)), "/public/*", "/index"));
        }

        @Test
        void aDescriptorWithoutNamespaceIsReadToo() throws Exception {
            assertTrue(gap(webXml("<web-app>", constraint("/a", "<http-method>GET</http-method>", true)), "/a") != null);
        }

        @Test
        void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "/admin/*");
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<web-app>"
                    + constraint("&x;", "<http-method>GET</http-method>", true) + "</web-app>";
            boolean expanded;
            try {
                expanded = parse(xml).headGap(List.of("/admin/*"), null) != null;
            } catch (Exception refused) {
                expanded = false; // refusing the document is as safe as not expanding the entity
            }
            assertFalse(expanded, "the entity's file content became a url-pattern");
        }

        @Test
        void aMissingDescriptorMeansNoConstraintsAndABrokenOneIsReportedNotThrown() throws Exception {
            Fakes.Registrations none = Fakes.registrations();
            List<String> errors = new ArrayList<>();
            assertNull(SecurityConstraints.read(Fakes.context(none), errors::add).headGap(List.of("/*"), null));
            Fakes.Context broken = new Fakes.Context(none.byName);
            broken.resources.put("/WEB-INF/web.xml", "<web-app><oops".getBytes(StandardCharsets.UTF_8));
            assertNull(SecurityConstraints.read(broken.proxy, errors::add).headGap(List.of("/*"), null));
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).contains("/WEB-INF/web.xml"), errors.get(0));
        }
    }

    @Nested
    class Overlap {
        @ParameterizedTest(name = "pattern {0} and mapping {1} overlap: {2}")
        @CsvSource({
            "/admin/*, /admin/*, true",
            "/admin/*, /admin, true",
            "/admin/*, /admin/users, true",
            "/admin/*, /administrator, false",
            "/admin/*, /admin/x/*, true",
            "/admin/x/*, /admin/*, true",
            "/admin/*, /public/*, false",
            "/admin/users, /admin/*, true",
            "/admin/users, /admin/other, false",
            "/*, /anything, true",
            "/admin/*, /, true",
            "/, /items/*, true",
            "*.jsp, *.jsp, true",
            "*.jsp, *.do, false",
            "*.jsp, /page.jsp, true",
            "*.jsp, /page, false",
            "*.jsp, /pages/*, true",
            "/pages/*, *.jsp, true",
        })
        void patternsOverlapWhenSomeUriCouldMatchBoth(String pattern, String mapping, boolean expected) {
            assertEquals(expected, SecurityConstraints.overlap(pattern, mapping));
        }
    }

    @Nested
    class Annotations {
        @ServletSecurity(httpMethodConstraints = {@HttpMethodConstraint(value = "GET", rolesAllowed = "admin"),
                @HttpMethodConstraint(value = "POST", rolesAllowed = "admin")})
        static class GetAndPost {
        }

        @ServletSecurity(httpMethodConstraints = {@HttpMethodConstraint(value = "GET", rolesAllowed = "admin"),
                @HttpMethodConstraint(value = "HEAD", rolesAllowed = "admin")})
        static class GetAndHead {
        }

        @ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
        static class Everything {
        }

        @ServletSecurity(value = @HttpConstraint(rolesAllowed = "admin"),
                httpMethodConstraints = @HttpMethodConstraint(value = "HEAD", emptyRoleSemantic = EmptyRoleSemantic.PERMIT))
        static class EverythingButHead {
        }

        @ServletSecurity(httpMethodConstraints = @HttpMethodConstraint(value = "GET", emptyRoleSemantic = EmptyRoleSemantic.DENY))
        static class GetDenied {
        }

        @Test
        void getAndPostConstrainedIsAGapEvenWithoutAWebXml() {
            assertEquals("@ServletSecurity constrains GET but not HEAD", SecurityConstraints.NONE.headGap(List.of("/x"), GetAndPost.class));
        }

        @Test
        void getAndHeadConstrainedIsNoGap() {
            assertNull(SecurityConstraints.NONE.headGap(List.of("/x"), GetAndHead.class));
        }

        @Test
        void aClassLevelConstraintCoversHeadToo() {
            assertNull(SecurityConstraints.NONE.headGap(List.of("/x"), Everything.class));
        }

        @Test
        void aClassLevelConstraintThatPermitsHeadExplicitlyIsAGap() {
            assertTrue(SecurityConstraints.NONE.headGap(List.of("/x"), EverythingButHead.class) != null);
        }

        @Test
        void aDeniedGetIsAConstrainedGet() {
            assertTrue(SecurityConstraints.NONE.headGap(List.of("/x"), GetDenied.class) != null);
        }
    }

    @Nested
    class InTheResolvedPolicy {
        @Test
        void headIsRefusedOnlyForTheServletBehindTheGapAndInitWarnsAboutIt() throws Exception {
            Fakes.Registrations regs = Fakes.registrations()
                    .add("admin", TestServlets.GetPost.class, "/admin/*")
                    .add("items", TestServlets.GetPost.class, "/items/*");
            Fakes.Context context = new Fakes.Context(regs.byName);
            context.resources.put("/WEB-INF/web.xml",
                    webXml(JAKARTA, constraint("/admin/*", "<http-method>GET</http-method><http-method>POST</http-method>", true))
                            .getBytes(StandardCharsets.UTF_8));
            Policy p = CapabilityResolver.resolve(MethodGuardFilter.builder().settings(), context.proxy, "MethodGuardFilter 'g'");
            assertEquals("GET, OPTIONS, POST", p.capability("admin").allowHeader);
            assertFalse(p.capability("admin").allows("HEAD"));
            assertEquals("GET, HEAD, OPTIONS, POST", p.capability("items").allowHeader);
            assertEquals(1, p.warnings.size(), p.warnings.toString());
            assertTrue(p.warnings.get(0).startsWith("servlet 'admin': HEAD refused: web.xml security-constraint on url-pattern '/admin/*'"),
                    p.warnings.get(0));
            assertTrue(p.describe("/").matches("(?s).*admin\\s+/admin/\\*\\s+GET, OPTIONS, POST\\s+introspection; HEAD refused.*"), p.describe("/"));
            assertTrue(p.isKnown("HEAD"), "HEAD stays a known method: a refused HEAD is a 405");
        }

        @Test
        void withoutAGapNothingChangesAndNothingIsWarned() throws Exception {
            Policy p = CapabilityResolver.resolve(MethodGuardFilter.builder().settings(),
                    Fakes.context(Fakes.registrations().add("items", TestServlets.GetPost.class, "/items/*")), "g");
            assertEquals("GET, HEAD, OPTIONS, POST", p.capability("items").allowHeader);
            assertEquals(List.of(), p.warnings);
        }
    }
}
