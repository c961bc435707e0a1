package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.methodguard.Capability.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Capability ITEMS = Capability.declared("items", List.of("/items/*"), Source.INTROSPECTION,
            new TreeSet<>(List.of("GET", "HEAD", "OPTIONS", "POST")));

    private final WireFormat json = new WireFormat(BodyFormat.JSON);
    private final WireFormat problem = new WireFormat(BodyFormat.PROBLEM);

    /** The built-in body of a 405 for {@code c}, or of a 501 when it is {@code null}. */
    private static byte[] bytes(WireFormat w, String method, String path, Capability c) {
        return w.body(method, path, c == null ? null : c.allowedJsonTail);
    }

    private static String body(WireFormat w, String method, String path, Capability c) {
        return new String(bytes(w, method, path, c), StandardCharsets.UTF_8);
    }

    /** An enforcing writer without an error-body factory. */
    private static ResponseWriter writer(BodyFormat format) {
        return new ResponseWriter(format, null, null, new LongAdder());
    }

    /** Answers {@code method} on {@code /items/1} as a rejection by {@code c} (405) or, when {@code null}, a 501. */
    private static void reject(BodyFormat format, Fakes.Response res, String method, Capability c) throws Exception {
        Fakes.Request req = new Fakes.Request("items", method, "/items/1");
        writer(format).reject(req.proxy, res.proxy, new Fakes.Chain(), c == null ? ITEMS : c, method, c != null);
    }

    @Nested
    class JsonBodies {
        @Test
        void a405HasStatusErrorMessageMethodPathAndAllowedInThatOrder() {
            assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"The method is not allowed for the requested resource.\","
                    + "\"method\":\"DELETE\",\"path\":\"/items/1\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}",
                    body(json, "DELETE", "/items/1", ITEMS));
        }

        @Test
        void a501HasNoAllowedMember() {
            assertEquals("{\"status\":501,\"error\":\"Not Implemented\",\"message\":\"The server does not implement the requested method.\","
                    + "\"method\":\"FOO\",\"path\":\"/items/1\"}", body(json, "FOO", "/items/1", null));
        }

        @Test
        void allowedListsExactlyTheSetOfTheAllowHeader() throws Exception {
            JsonNode allowed = JSON.readTree(body(json, "DELETE", "/x", ITEMS)).get("allowed");
            List<String> fromBody = new ArrayList<>();
            allowed.forEach(n -> fromBody.add(n.asText()));
            assertEquals(List.of(ITEMS.allowHeader.split(", ")), fromBody);
        }
    }

    @Nested
    class ProblemBodies {
        @Test
        void a405IsAnRfc9457ProblemWithMethodAndAllowedExtensions() {
            assertEquals("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                    + "\"detail\":\"The method is not allowed for the requested resource.\",\"instance\":\"/items/1\","
                    + "\"method\":\"DELETE\",\"allowed\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}", body(problem, "DELETE", "/items/1", ITEMS));
        }

        @Test
        void a501IsAnRfc9457ProblemWithTheMethodExtension() {
            assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Implemented\",\"status\":501,"
                    + "\"detail\":\"The server does not implement the requested method.\",\"instance\":\"/items/1\","
                    + "\"method\":\"FOO\"}", body(problem, "FOO", "/items/1", null));
        }
    }

    @Nested
    class EchoedValues {
        @ParameterizedTest
        @ValueSource(strings = {"/a\"b", "/a\\b", "/a\nb\r\u0000\u001b", "/caf\u00e9/\u65e5\u672c", "/\ud83d\ude00", "/</script>", "/\u2028"})
        void pathsRoundTripThroughValidJsonInBothFormats(String path) throws Exception {
            assertEquals(path, JSON.readTree(body(json, "FOO", path, null)).get("path").asText());
            assertEquals(path, JSON.readTree(body(problem, "FOO", path, ITEMS)).get("instance").asText());
        }

        @Test
        void aLoneSurrogateBecomesAReplacementCharacterNotAFailure() throws Exception {
            JsonNode node = JSON.readTree(body(json, "FOO", "/a\ud800b\udc00", null));
            assertEquals("/a\ufffdb\ufffd", node.get("path").asText());
        }

        @Test
        void aMethodOf64CharactersIsEchoedWhole() throws Exception {
            String m = "M".repeat(64);
            JsonNode node = JSON.readTree(body(json, m, "/", null));
            assertEquals(m, node.get("method").asText());
            assertFalse(node.has("methodTruncated"));
        }

        @Test
        void aLongerMethodIsCutTo64AndMarked() throws Exception {
            JsonNode node = JSON.readTree(body(json, "M".repeat(8000), "/", null));
            assertEquals("M".repeat(64), node.get("method").asText());
            assertTrue(node.get("methodTruncated").asBoolean());
        }

        @Test
        void aLongPathIsCutTo2048AndMarkedSoEveryBodyIsBounded() throws Exception {
            byte[] b = bytes(json, "M".repeat(8000), "/" + "\u0001".repeat(100_000), ITEMS);
            JsonNode node = JSON.readTree(b);
            assertEquals(WireFormat.MAX_PATH, node.get("path").asText().length());
            assertTrue(node.get("pathTruncated").asBoolean());
            assertTrue(b.length < 64 * 6 + WireFormat.MAX_PATH * 6 + 400, "body of " + b.length + " bytes");
        }

        @Test
        void aCutNeverSplitsASurrogatePair() {
            String s = "x".repeat(63) + "\ud83d\ude00";
            assertEquals("x".repeat(63), WireFormat.cut(s, 64));
        }
    }

    @Nested
    class Headers {
        /** Exactly one call of {@code name} with these arguments on the response. */
        static void once(Fakes.Response res, String name, Object... args) {
            assertEquals(1, res.calls.count(name, args), name + " " + java.util.Arrays.toString(args) + " in " + res.calls);
        }

        @Test
        void a405SetsStatusAllowNoStoreNosniffTypeAndLengthAndWritesTheBody() throws Exception {
            Fakes.Response res = new Fakes.Response();
            reject(BodyFormat.JSON, res, "DELETE", ITEMS);
            byte[] expected = bytes(json, "DELETE", "/items/1", ITEMS);
            once(res, "setStatus", 405);
            once(res, "setHeader", "Allow", "GET, HEAD, OPTIONS, POST");
            once(res, "setHeader", "Cache-Control", "no-store");
            once(res, "setHeader", "X-Content-Type-Options", "nosniff");
            once(res, "setContentType", "application/json");
            once(res, "setContentLength", expected.length);
            once(res, "getOutputStream");
            assertArrayEquals(expected, res.body.toByteArray());
        }

        @Test
        void a501HasNoAllowHeaderAndTheProblemContentType() throws Exception {
            Fakes.Response res = new Fakes.Response();
            reject(BodyFormat.PROBLEM, res, "FOO", null);
            once(res, "setStatus", 501);
            assertFalse(res.headers.containsKey("Allow"), "setHeader or addHeader Allow: " + res.calls);
            once(res, "setContentType", "application/problem+json");
        }

        @Test
        void headGetsTheSameHeadersButNoBodyIsWritten() throws Exception {
            Fakes.Response res = new Fakes.Response();
            reject(BodyFormat.JSON, res, "HEAD", ITEMS);
            once(res, "setStatus", 405);
            once(res, "setHeader", "Allow", "GET, HEAD, OPTIONS, POST");
            once(res, "setHeader", "Cache-Control", "no-store");
            once(res, "setHeader", "X-Content-Type-Options", "nosniff");
            once(res, "setContentType", "application/json");
            once(res, "setContentLength", bytes(json, "HEAD", "/items/1", ITEMS).length);
            assertFalse(res.calls.any("getOutputStream"), res.calls.toString());
        }

        @Test
        void optionsIs200WithAllowAndAnEmptyBody() throws Exception {
            Fakes.Response res = new Fakes.Response();
            Fakes.Chain chain = new Fakes.Chain();
            writer(BodyFormat.JSON).options(new Fakes.Request("items", "OPTIONS", "/items/1").proxy, res.proxy, chain, ITEMS);
            assertTrue(chain.passed.isEmpty(), "answered by MethodGuard, not passed on");
            once(res, "setStatus", 200);
            once(res, "setHeader", "Allow", "GET, HEAD, OPTIONS, POST");
            once(res, "setContentLength", 0);
        }
    }
}
