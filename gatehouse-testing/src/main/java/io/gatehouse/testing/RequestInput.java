package io.gatehouse.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code gateway.input} of a test request: a {@link ByteArrayInputStream} that notes when the
 * application has seen the end of the body, because request trailers only become visible then.
 */
final class RequestInput extends ByteArrayInputStream {

    private boolean ended;

    RequestInput(byte[] body) {
        super(body);
    }

    boolean ended() {
        return ended;
    }

    @Override
    public synchronized int read() {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    @Override
    public synchronized byte[] readAllBytes() {
        ended = true;
        return super.readAllBytes();
    }

    @Override
    public int readNBytes(byte[] buffer, int offset, int length) {
        int n = super.readNBytes(buffer, offset, length);
        ended |= n < length;
        return n;
    }

    @Override
    public synchronized long transferTo(OutputStream out) throws IOException {
        ended = true;
        return super.transferTo(out);
    }
}
