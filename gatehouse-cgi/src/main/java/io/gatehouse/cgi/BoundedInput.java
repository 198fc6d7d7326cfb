package io.gatehouse.cgi;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that ends after a fixed number of bytes: a CGI script's stdin may hold more than
 * the body (RFC 3875, 4.2: the script must not read past CONTENT_LENGTH).
 *
 * {@snippet :
 * InputStream body = new BoundedInput(System.in, 42);
 * }
 */
final class BoundedInput extends InputStream {

    private final InputStream in;
    private long remaining;

    BoundedInput(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read > 0) {
            remaining -= read;
        }
        return read;
    }
}
