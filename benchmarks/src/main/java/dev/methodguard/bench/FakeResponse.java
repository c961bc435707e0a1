package dev.methodguard.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;

/**
 * A response that keeps what the filter sets in plain fields and counts body bytes, allocating nothing
 * per request unless {@code capture} is on (tests only: then the body is kept for inspection).
 */
final class FakeResponse extends StubResponse {
    int status = 200;
    String allow;
    String cacheControl;
    String contentTypeOptions;
    String contentType;
    long contentLength = -1;
    long bytesWritten;
    private final ByteArrayOutputStream captured;
    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public void write(int b) {
            bytesWritten++;
            if (captured != null) {
                captured.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytesWritten += len;
            if (captured != null) {
                captured.write(b, off, len);
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("setWriteListener");
        }
    };

    FakeResponse(boolean capture) {
        this.captured = capture ? new ByteArrayOutputStream() : null;
    }

    String body() {
        return captured == null ? null : captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public void setHeader(String name, String value) {
        switch (name) {
            case "Allow" -> allow = value;
            case "Cache-Control" -> cacheControl = value;
            case "X-Content-Type-Options" -> contentTypeOptions = value;
            default -> throw new UnsupportedOperationException("setHeader " + name);
        }
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public void setContentLength(int len) {
        contentLength = len;
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
    }

    /** Never committed: every call of a benchmark stands for a fresh request, although the fake is reused. */
    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return out;
    }
}
