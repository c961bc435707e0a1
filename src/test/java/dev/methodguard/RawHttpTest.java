package dev.methodguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shared test client reads each framing as documented, against a one-shot server on 127.0.0.1 that writes
 * exactly the bytes given (and keeps the connection open unless told to close it).
 */
class RawHttpTest {
    static final Duration SHORT = Duration.ofMillis(500);

    /** Serves one connection: reads the request head, writes {@code response}, then closes or holds it open. */
    static int serveOnce(String response, boolean close) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (server; Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int c = in.read();
                    if (c == -1) {
                        return;
                    }
                    matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
                }
                s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                if (!close) {
                    Thread.sleep(SHORT.toMillis() * 3);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client went away: nothing to serve
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @Test
    void aKeepAliveResponseIsReadByItsContentLengthWithoutWaitingForTheClose() throws IOException {
        int port = serveOnce("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false);
        RawHttp.Response r = RawHttp.sendKeepAlive(SHORT, port, "GET", "/", false);
        assertEquals(200, r.status());
        assertEquals("hello", r.body());
    }

    @Test
    void aKeepAliveResponseToHeadHasNoBodyWhateverItsContentLengthSays() throws IOException {
        int port = serveOnce("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", false);
        RawHttp.Response r = RawHttp.sendKeepAlive(SHORT, port, "head", "/", true);
        assertEquals("", r.body());
    }

    @Test
    void aDeclaredBodyThatNeverArrivesOnAKeptAliveConnectionIsNotWellFramed() throws IOException {
        int port = serveOnce("HTTP/1.1 501 Not Implemented\r\nContent-Length: 5\r\n\r\n", false);
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                () -> RawHttp.sendKeepAlive(SHORT, port, "head", "/", false));
        assertTrue(e.getMessage().startsWith("not well framed: HTTP/1.1 501"), e.getMessage());
    }

    @Test
    void aBodyCutShortByTheCloseIsNotWellFramedForAKeepAliveClientButIsWhatArrivedOtherwise() throws IOException {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello";
        int strict = serveOnce(response, true);
        IOException e = assertThrows(IOException.class, () -> RawHttp.sendKeepAlive(SHORT, strict, "GET", "/", false));
        assertTrue(e.getMessage().contains("closed after 5 bytes"), e.getMessage());
        int lenient = serveOnce(response, true);
        assertEquals("hello", RawHttp.send(SHORT, lenient, "GET", "/").body());
    }

    @Test
    void aResponseWithoutLengthOnAKeptAliveConnectionIsNotWellFramed() throws IOException {
        int port = serveOnce("HTTP/1.1 200 OK\r\n\r\nhello", false);
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                () -> RawHttp.sendKeepAlive(SHORT, port, "GET", "/", false));
        assertTrue(e.getMessage().contains("has no Content-Length, is not chunked"), e.getMessage());
    }

    @Test
    void aChunkedBodyIsDechunkedInEveryFraming() throws IOException {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1;x=y\r\n!\r\n0\r\n\r\n";
        assertEquals("hello!", RawHttp.sendKeepAlive(SHORT, serveOnce(response, false), "GET", "/", false).body());
        assertEquals("hello!", RawHttp.send(SHORT, serveOnce(response, true), "GET", "/").body());
        assertEquals("hello!", RawHttp.sendToClose(SHORT, serveOnce(response, true), "GET", "/").body());
    }

    @Test
    void readToTheCloseKeepsWhatFollowsTheHeadersWhateverTheMethod() throws IOException {
        // A server that takes "head" for HEAD would send no body; one that does not, a body: both are read as sent.
        int port = serveOnce("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi and more", true);
        assertEquals("hi and more", RawHttp.sendToClose(SHORT, port, "head", "/").body());
    }

    @Test
    void aStrayBodyAfterAResponseToHeadOnAClosingConnectionIsReturnedSoATestCanFail() throws IOException {
        int port = serveOnce("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", true);
        assertEquals("hello", RawHttp.send(SHORT, port, "HEAD", "/").body());
    }
}
