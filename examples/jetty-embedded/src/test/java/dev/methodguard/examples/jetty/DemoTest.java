package dev.methodguard.examples.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo answers the curl commands of the README exactly as documented there. */
class DemoTest {
    private static Server server;
    private static String base;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = Demo.start(0);
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deleteOnItemsIsA405WithAllowAndTheDocumentedBody() throws Exception {
        HttpResponse<String> r = send("DELETE", "/items/1");
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD, OPTIONS, POST", r.headers().firstValue("Allow").orElse(null));
        assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
                + "\"method\":\"DELETE\",\"path\":\"/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}", r.body());
    }

    @Test
    void fooOnItemsIsA501WithTheDocumentedBody() throws Exception {
        HttpResponse<String> r = send("FOO", "/items/1");
        assertEquals(501, r.statusCode());
        assertEquals("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"The server does not implement the requested method.\","
                + "\"method\":\"FOO\",\"path\":\"/items/1\"}", r.body());
    }

    @Test
    void everyPrintedCommandGetsTheStatusItsCommentPromises() throws Exception {
        assertEquals(200, send("GET", "/items/1").statusCode());
        assertEquals(405, send("PATCH", "/items/1").statusCode());
        HttpResponse<String> options = send("OPTIONS", "/documents/1");
        assertEquals(200, options.statusCode());
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", options.headers().firstValue("Allow").orElse(null));
        assertEquals(405, send("POST", "/reports/1").statusCode());
        assertEquals(405, send("TRACE", "/items/1").statusCode());
        assertEquals(200, send("FOO", "/legacy/1").statusCode());
        HttpResponse<String> unmapped = send("DELETE", "/nope");
        assertEquals(405, unmapped.statusCode());
        assertEquals("GET, HEAD, OPTIONS", unmapped.headers().firstValue("Allow").orElse(null));
        assertEquals(405, send("TRACE", "/nope").statusCode(), "TRACE is never echoed, also where no servlet is mapped");
        assertEquals(501, send("TRACE", "/legacy/1").statusCode(), "nor by an undeclared servlet");
    }
}
