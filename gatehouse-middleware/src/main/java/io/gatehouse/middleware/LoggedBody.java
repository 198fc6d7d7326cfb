package io.gatehouse.middleware;

import io.gatehouse.spec.Body;

import java.io.IOException;
import java.util.Iterator;

/**
 * The body {@link AccessLog} hands the server: passes chunks through, counts their bytes, and
 * writes the log line once when the server closes it, after the last byte went out.
 */
final class LoggedBody implements Body {

    private final Body body;
    private final Runnable onClose;
    private long bytes;
    private boolean closed;

    LoggedBody(Body body, Runnable onClose) {
        this.body = body;
        this.onClose = onClose;
    }

    /** @return the bytes produced so far */
    long bytes() {
        return bytes;
    }

    @Override
    public long length() {
        return body.length();
    }

    @Override
    public Iterator<byte[]> iterator() {
        Iterator<byte[]> chunks = body.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return chunks.hasNext();
            }

            @Override
            public byte[] next() {
                byte[] chunk = chunks.next();
                if (chunk != null) {
                    bytes += chunk.length;
                }
                return chunk;
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            body.close();
        } finally {
            onClose.run();
        }
    }
}
