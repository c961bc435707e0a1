package dev.methodguard.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * MethodGuard's contract on every route of controller mapping (as the starter derives them), over real sockets to the embedded
 * Tomcat: allowed methods reach the controller; other known methods get MethodGuard's JSON 405 with the route's
 * exact {@code Allow}; unknown ones ({@code FOO}, lowercase {@code get}) its JSON 501; OPTIONS its 200 + Allow.
 * {@link Calls} and {@link Downstream} prove that no rejected request (and no OPTIONS) ran anything behind it.
 */
@GuardedAppTest
class ContractTest {
    private static final String MESSAGE_405 = "The method is not allowed for the requested resource.";
    private static final String MESSAGE_501 = "The server does not implement the requested method.";

    @LocalServerPort
    int port;

    @Autowired
    Calls calls;

    @ParameterizedTest(name = "{0} {1} -> {2} from the controller")
    @CsvSource({
        "GET,    /items,                   200",
        "HEAD,   /items,                   200",
        "POST,   /items,                   201",
        "GET,    /items/42,                200",
        "HEAD,   /items/42,                200",
        "PUT,    /items/42,                200",
        "DELETE, /items/42,                204",
        "GET,    /reports/2024,            200",
        "HEAD,   /reports/2024,            200",
        "POST,   /reports/2024/rebuild,    202",
        "GET,    /files,                   200",
        "GET,    /files/a,                 200",
        "GET,    /files/docs/2024/a.txt,   200",
        "HEAD,   /files/docs/a.txt,        200",
        // /echo maps no method: Spring MVC serves every method there, so MethodGuard passes every method.
        "GET,    /echo,                    200",
        "POST,   /echo,                    200",
        "DELETE, /echo,                    200",
        "PATCH,  /echo,                    200",
        "FOO,    /echo,                    200",
        "get,    /echo,                    200",
        "PROPFIND, /echo,                  200",
    })
    void allowedMethodsReachTheController(String method, String path, int status) throws Exception {
        int before = calls.count();
        int reachedBefore = Downstream.REACHED.get();
        RawHttp.Response r = RawHttp.send(port, method, path);
        assertThat(r.status()).as("%s %s: %s", method, path, r).isEqualTo(status);
        assertThat(calls.count()).as("controller invocations").isEqualTo(before + 1);
        assertThat(Downstream.REACHED.get()).isEqualTo(reachedBefore + 1);
        if (!method.equals("HEAD") && status != 204) {
            assertThat(r.body()).as("the controller's JSON").isNotEmpty().doesNotContain(MESSAGE_405, MESSAGE_501);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> 405 Allow: {2}")
    @CsvSource(delimiter = '|', value = {
        "PUT     | /items                  | GET, HEAD, OPTIONS, POST",
        "DELETE  | /items                  | GET, HEAD, OPTIONS, POST",
        "POST    | /items/42               | DELETE, GET, HEAD, OPTIONS, PUT",
        "POST    | /reports/2024           | GET, HEAD, OPTIONS",
        "DELETE  | /reports/2024           | GET, HEAD, OPTIONS",
        "GET     | /reports/2024/rebuild   | OPTIONS, POST",
        "HEAD    | /reports/2024/rebuild   | OPTIONS, POST",
        "PUT     | /reports/2024/rebuild   | OPTIONS, POST",
        "POST    | /files                  | GET, HEAD, OPTIONS",
        "DELETE  | /files/docs/a.txt       | GET, HEAD, OPTIONS",
    })
    void knownMethodsOfOtherRoutesGet405WithTheRoutesAllow(String method, String path, String allow) throws Exception {
        RawHttp.Response r = rejected(method, path);
        assertThat(r.status()).as("%s %s: %s", method, path, r).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo(allow);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String allowed = "[\"" + String.join("\",\"", allow.split(", ")) + "\"]";
        assertThat(r.body()).isEqualTo(method.equals("HEAD") ? ""
                : "{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"" + MESSAGE_405 + "\",\"method\":\""
                        + method + "\",\"path\":\"" + path + "\",\"allowed\":" + allowed + "}");
    }

    @ParameterizedTest(name = "{0} {1} -> 501")
    @CsvSource({
        "FOO,      /items",
        "get,      /items",
        "FOO,      /items/42",
        "get,      /items/42",
        "delete,   /items/42",
        "FOO,      /reports/2024",
        "get,      /reports/2024",
        "options,  /reports/2024/rebuild",
        "FOO,      /files/a.txt",
        "get,      /files/a.txt",
        "trace,    /items",
        // No controller maps PATCH or PROPFIND on a judged route: unknown to the application, so 501, not 405.
        "PATCH,    /items/42",
        "PROPFIND, /files/a.txt",
    })
    void unknownMethodsGet501(String method, String path) throws Exception {
        RawHttp.Response r = rejected(method, path);
        assertThat(r.status()).as("%s %s: %s", method, path, r).isEqualTo(501);
        assertThat(r.header("Allow")).isNull();
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body()).isEqualTo("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"" + MESSAGE_501
                + "\",\"method\":\"" + method + "\",\"path\":\"" + path + "\"}");
    }

    @ParameterizedTest(name = "OPTIONS {0} -> 200 Allow: {1}")
    @CsvSource(delimiter = '|', value = {
        "/items                 | GET, HEAD, OPTIONS, POST",
        "/items/42              | DELETE, GET, HEAD, OPTIONS, PUT",
        "/reports/2024          | GET, HEAD, OPTIONS",
        "/reports/2024/rebuild  | OPTIONS, POST",
        "/files                 | GET, HEAD, OPTIONS",
        "/files/docs/a.txt      | GET, HEAD, OPTIONS",
    })
    void optionsIsAnsweredWithTheRoutesAllow(String path, String allow) throws Exception {
        RawHttp.Response r = rejected("OPTIONS", path);
        assertThat(r.status()).as("OPTIONS %s: %s", path, r).isEqualTo(200);
        assertThat(r.header("Allow")).isEqualTo(allow);
        assertThat(r.body()).isEmpty();
    }

    /**
     * Embedded Tomcat's connector answers TRACE itself (allowTrace is false by default) before any filter runs:
     * a 405 with Tomcat's servlet-level Allow and Spring Boot's error body. MethodGuard never sees it. Tomcat's
     * check is case-sensitive: lowercase {@code trace} does reach MethodGuard, which answers 501 (above).
     */
    @Test
    void traceIsAnsweredByTomcatBeforeAnyFilter() throws Exception {
        RawHttp.Response r = rejected("TRACE", "/items");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.allow()).doesNotContain("TRACE").contains("GET", "POST", "PUT", "DELETE");
        assertThat(r.header("X-Content-Type-Options")).as("not MethodGuard's answer").isNull();
        assertThat(r.body()).doesNotContain(MESSAGE_405).contains("\"status\":405");
    }

    /** Paths no controller maps are Spring Boot's static resources (GET, HEAD): judged by them, a missing file a 404. */
    @Test
    void pathsThatNoControllerMapsAreJudgedAsStaticResources() throws Exception {
        for (String path : new String[] {"/", "/nothing", "/items/42/parts", "/reports", "/ITEMS"}) {
            assertThat(rejected("FOO", path).status()).as("FOO %s", path).isEqualTo(501);
            RawHttp.Response put = rejected("PUT", path);
            assertThat(put.status()).as("PUT %s", path).isEqualTo(405);
            assertThat(put.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
            int reached = Downstream.REACHED.get();
            assertThat(RawHttp.send(port, "GET", path).status()).as("GET %s: Spring's own 404", path).isEqualTo(404);
            assertThat(Downstream.REACHED.get()).isEqualTo(reached + 1);
        }
    }

    /** Spring 7 matches no trailing slash (404 for every method); the starter leaves such paths to Spring. */
    @Test
    void aTrailingSlashIsLeftToSpring() throws Exception {
        for (String method : new String[] {"GET", "PUT", "FOO", "OPTIONS"}) {
            int reached = Downstream.REACHED.get();
            RawHttp.Response r = RawHttp.send(port, method, "/items/42/");
            assertThat(r.status()).as("%s /items/42/: %s", method, r).isEqualTo(404);
            assertThat(Downstream.REACHED.get()).isEqualTo(reached + 1);
        }
    }

    /** Sends the request and checks that neither a controller nor anything else behind MethodGuard ran. */
    private RawHttp.Response rejected(String method, String path) throws Exception {
        int before = calls.count();
        int reachedBefore = Downstream.REACHED.get();
        RawHttp.Response r = RawHttp.send(port, method, path);
        assertThat(calls.count()).as("controller invocations for %s %s", method, path).isEqualTo(before);
        assertThat(Downstream.REACHED.get()).as("requests behind MethodGuard for %s %s", method, path)
                .isEqualTo(reachedBefore);
        return r;
    }
}
