package io.gatehouse.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The {@code gateway.input} the Validator hands the application. The application may only read
 * (reading on after the end is fine and keeps returning -1); it must not close, mark or reset the
 * stream, which belongs to the server. The server's stream must end exactly at the body's end:
 * not before {@code CONTENT_LENGTH} bytes (a truncated body is an IOException, not an end), not
 * after, and never yield bytes again once it has ended.
 */
final class ValidatedInput extends InputStream {

    private final InputStream input;
    private final long contentLength;
    private long count;
    private boolean ended;

    ValidatedInput(InputStream input, long contentLength) {
        this.input = input;
        this.contentLength = contentLength;
    }

    /** The request trailers, checked to stay empty until the body has been read to its end. */
    Trailers trailers(Trailers server) {
        return () -> {
            List<Header> fields = server.fields();
            if (fields == null) {
                throw GatewayViolation.byServer("gateway.input_trailers returned null; use an empty list");
            }
            if (!fields.isEmpty() && !ended) {
                throw GatewayViolation.byServer("gateway.input_trailers had fields before gateway.input reached its end");
            }
            return fields;
        };
    }

    @Override
    public int read() throws IOException {
        int b = input.read();
        if (b < 0) {
            end();
        } else {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (buffer == null || offset < 0 || length < 0 || length > buffer.length - offset) {
            throw GatewayViolation.byApplication("gateway.input.read called with a null buffer or a range outside it");
        }
        if (length == 0) {
            return 0;
        }
        int n = input.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else if (n == 0) {
            throw GatewayViolation.byServer("gateway.input.read returned 0 for a non-empty buffer; it must block or end");
        } else {
            advance(n);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return input.available();
    }

    @Override
    public void close() {
        throw GatewayViolation.byApplication("gateway.input was closed; the stream belongs to the server");
    }

    @Override
    public synchronized void mark(int limit) {
        throw GatewayViolation.byApplication("gateway.input does not support mark/reset; buffer the body instead");
    }

    @Override
    public synchronized void reset() {
        throw GatewayViolation.byApplication("gateway.input does not support mark/reset; buffer the body instead");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(int n) {
        if (ended) {
            throw GatewayViolation.byServer("gateway.input produced bytes after it had reported the end");
        }
        count += n;
        if (contentLength >= 0 && count > contentLength) {
            throw GatewayViolation.byServer("gateway.input produced more than CONTENT_LENGTH (" + contentLength + ") bytes");
        }
    }

    private void end() {
        if (!ended && contentLength >= 0 && count < contentLength) {
            throw GatewayViolation.byServer("gateway.input ended after " + count + " of CONTENT_LENGTH " + contentLength
                + " bytes; a truncated body must raise an IOException");
        }
        ended = true;
    }
}
