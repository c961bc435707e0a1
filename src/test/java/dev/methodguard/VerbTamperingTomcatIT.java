package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VerbTamperingIT} on embedded Tomcat 11: a security constraint (as web.xml would declare it)
 * protecting GET and POST on /admin/* with role "admin", BASIC authentication, and a service()-overriding
 * servlet declared {@code @AllowedMethods("GET")}.
 */
class VerbTamperingTomcatIT {
    static final VerbTamperingIT.AdminController SERVLET = new VerbTamperingIT.AdminController();
    /**
     * Tomcat's SEVERE that the constraint leaves methods uncovered (this one does, on purpose), held back from the
     * context's logger while Tomcat starts (the capture holds the logger: JUL keeps only weak references).
     */
    static CapturedLogs heldBack;
    static TestTomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        try {
            startTomcat();
        } finally {
            if (heldBack != null) {
                heldBack.close();
            }
        }
    }

    /**
     * Captures (and the test below checks) the SEVERE Tomcat logs for this constraint instead of printing it;
     * every other record goes on to the parent loggers' handlers as before.
     */
    static void captureUncoveredMethodsReport(Logger log) {
        heldBack = CapturedLogs.holdBack(log, record -> record.getLevel() == Level.SEVERE
                && String.valueOf(record.getMessage()).contains("[/admin/*]")
                && String.valueOf(record.getMessage()).contains("uncovered"));
    }

    static void startTomcat() throws Exception {
        tomcat = TestTomcat.start(Map.of(), (t, context, baseDir) -> {
            captureUncoveredMethodsReport(Logger.getLogger(context.getLogName()));
            t.addUser("alice", "secret");
            t.addRole("alice", "admin");
            // Tomcat.addContext parses no descriptor: the programmatic constraint below is what Tomcat enforces.
            // MethodGuard reads the same constraint from WEB-INF/web.xml, as it would in a deployed WAR.
            Path webInf = Files.createDirectories(baseDir.resolve("WEB-INF"));
            Files.writeString(webInf.resolve("web.xml"), """
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                      <security-constraint>
                        <web-resource-collection>
                          <web-resource-name>admin</web-resource-name>
                          <url-pattern>/admin/*</url-pattern>
                          <http-method>GET</http-method>
                          <http-method>POST</http-method>
                        </web-resource-collection>
                        <auth-constraint><role-name>admin</role-name></auth-constraint>
                      </security-constraint>
                    </web-app>
                    """);
            Tomcat.addServlet(context, "admin", SERVLET);
            context.addServletMapping("/admin/*", "admin");
            SecurityConstraint constraint = new SecurityConstraint();
            constraint.addAuthRole("admin");
            SecurityCollection collection = new SecurityCollection();
            collection.addPattern("/admin/*");
            collection.addMethod("GET");
            collection.addMethod("POST");
            constraint.addCollection(collection);
            context.addConstraint(constraint);
            context.addSecurityRole("admin");
            LoginConfig login = new LoginConfig();
            login.setAuthMethod("BASIC");
            login.setRealmName("test");
            context.setLoginConfig(login);
            context.getPipeline().addValve(new BasicAuthenticator());
        });
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @BeforeEach
    void reset() {
        SERVLET.calls.set(0);
    }

    int port() {
        return tomcat.port();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "get", "Get", "head", "DELETE", "PUT", "PATCH", "TRACE", "PROPFIND"})
    void anUncoveredMethodIsRejectedBeforeTheServlet(String method) throws Exception {
        RawHttp.Response r = RawHttp.send(port(), method, "/admin/users");
        assertTrue(r.status() == 405 || r.status() == 501, method + " got " + r.statusLine());
        assertEquals(0, SERVLET.calls.get(), method + " reached the servlet");
    }

    @Test
    void tomcatItselfReportsTheMethodsTheConstraintLeavesUncovered() {
        assertEquals(1, heldBack.records().size(), "Tomcat's SEVERE about the methods /admin/* leaves uncovered");
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() throws Exception {
        assertEquals(401, RawHttp.send(port(), "GET", "/admin/users", "X-HTTP-Method-Override: DELETE").status());
        RawHttp.Response r = RawHttp.send(port(), "FOO", "/admin/users", "X-HTTP-Method-Override: GET");
        assertEquals(501, r.status());
        assertTrue(r.body().contains("\"method\":\"FOO\""), r.body());
        assertEquals(0, SERVLET.calls.get());
    }

    @Test
    void theConstraintIsCheckedBeforeTheFilter() throws Exception {
        assertEquals(401, RawHttp.send(port(), "POST", "/admin/users", "Content-Length: 0").status());
        RawHttp.Response r = RawHttp.send(port(), "POST", "/admin/users", "Content-Length: 0", VerbTamperingIT.AUTH);
        assertEquals(501, r.status());
        assertEquals(0, SERVLET.calls.get());
        assertEquals(200, RawHttp.send(port(), "GET", "/admin/users", VerbTamperingIT.AUTH).status());
        assertEquals(1, SERVLET.calls.get());
    }

    @Test
    void headBehindAConstraintOnGetOnlyIsRefusedBecauseMethodGuardReadsTheConstraintFromWebXml() throws Exception {
        RawHttp.Response r = RawHttp.send(port(), "HEAD", "/admin/users");
        assertEquals(405, r.status(), r.statusLine());
        assertEquals("GET, OPTIONS", r.header("Allow"));
        assertEquals(0, SERVLET.calls.get(), "HEAD ran the servlet unauthenticated");
    }
}
