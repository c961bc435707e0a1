package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.methodguard.Capability.Source;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class ResponseWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Capability ITEMS = Capability.declared("items", List.of("/items/*"), Source.INTROSPECTION,
            new TreeSet<>(List.of("GET", "HEAD", "OPTIONS", "POST")));

    private final ResponseWriter json = new ResponseWriter(BodyFormat.JSON);
    private final ResponseWriter problem = new ResponseWriter(BodyFormat.PROBLEM);

    private static String body(ResponseWriter w, String method, String path, Capability c) {
        return new String(w.body(method, path, c), StandardCharsets.UTF_8);
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
            byte[] b = json.body("M".repeat(8000), "/" + "\u0001".repeat(100_000), ITEMS);
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
        @Test
        void a405SetsStatusAllowNoStoreNosniffTypeAndLengthAndWritesTheBody() throws Exception {
            HttpServletResponse res = mock(HttpServletResponse.class);
            ServletOutputStream out = mock(ServletOutputStream.class);
            when(res.getOutputStream()).thenReturn(out);
            json.reject(res, "DELETE", "/items/1", ITEMS);
            byte[] expected = json.body("DELETE", "/items/1", ITEMS);
            verify(res).setStatus(405);
            verify(res).setHeader("Allow", "GET, HEAD, OPTIONS, POST");
            verify(res).setHeader("Cache-Control", "no-store");
            verify(res).setHeader("X-Content-Type-Options", "nosniff");
            verify(res).setContentType("application/json");
            verify(res).setContentLength(expected.length);
            ArgumentCaptor<byte[]> written = ArgumentCaptor.forClass(byte[].class);
            verify(out).write(written.capture());
            assertArrayEquals(expected, written.getValue());
        }

        @Test
        void a501HasNoAllowHeaderAndTheProblemContentType() throws Exception {
            HttpServletResponse res = mock(HttpServletResponse.class);
            when(res.getOutputStream()).thenReturn(mock(ServletOutputStream.class));
            problem.reject(res, "FOO", "/items/1", null);
            verify(res).setStatus(501);
            verify(res, never()).setHeader(eq("Allow"), anyString());
            verify(res, never()).addHeader(eq("Allow"), anyString());
            verify(res).setContentType("application/problem+json");
        }

        @Test
        void headGetsTheSameHeadersButNoBodyIsWritten() throws Exception {
            HttpServletResponse res = mock(HttpServletResponse.class);
            json.reject(res, "HEAD", "/items/1", ITEMS);
            verify(res).setStatus(405);
            verify(res).setHeader("Allow", "GET, HEAD, OPTIONS, POST");
            verify(res).setHeader("Cache-Control", "no-store");
            verify(res).setHeader("X-Content-Type-Options", "nosniff");
            verify(res).setContentType("application/json");
            verify(res).setContentLength(json.body("HEAD", "/items/1", ITEMS).length);
            verify(res, never()).getOutputStream();
        }

        @Test
        void optionsIs200WithAllowAndAnEmptyBody() {
            HttpServletResponse res = mock(HttpServletResponse.class);
            json.options(res, ITEMS);
            verify(res).setStatus(200);
            verify(res).setHeader("Allow", "GET, HEAD, OPTIONS, POST");
            verify(res).setContentLength(0);
        }
    }
}
