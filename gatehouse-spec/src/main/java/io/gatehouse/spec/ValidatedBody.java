package io.gatehouse.spec;

import java.io.IOException;
import java.util.Iterator;

/**
 * The body the Validator hands the server: checks the application's chunks as they pass and the
 * server's use of the body (iterated at most once, nothing after close, closed exactly once).
 */
final class ValidatedBody implements Body {

    private final Body body;
    private final ValidatedResponse response;
    private final Runnable onFirstClose;
    private boolean iterated;
    private boolean closed;
    private boolean ended;
    private long total;

    ValidatedBody(Body body, ValidatedResponse response, Runnable onFirstClose) {
        this.body = body;
        this.response = response;
        this.onFirstClose = onFirstClose;
    }

    @Override
    public long length() {
        return body.length();
    }

    @Override
    public Iterator<byte[]> iterator() {
        if (closed) {
            throw GatewayViolation.byServer("the body was iterated after it was closed");
        }
        if (iterated) {
            throw GatewayViolation.byServer("the body was iterated twice; a body is iterated at most once");
        }
        iterated = true;
        Iterator<byte[]> chunks = body.iterator();
        if (chunks == null) {
            throw GatewayViolation.byApplication("the body's iterator() returned null");
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                notClosed();
                boolean more = chunks.hasNext();
                if (!more && !ended) {
                    ended = true;
                    response.bodyEnded(total);
                    long promised = body.length();
                    if (promised >= 0 && promised != total) {
                        throw GatewayViolation.byApplication("the body's length() said " + promised
                            + " bytes but it produced " + total);
                    }
                }
                return more;
            }

            @Override
            public byte[] next() {
                notClosed();
                byte[] chunk = chunks.next();
                if (chunk == null) {
                    throw GatewayViolation.byApplication("the body produced a null chunk; chunks are byte[], maybe empty");
                }
                if (chunk.length > 0) {
                    total += chunk.length;
                    response.chunkProduced(total);
                }
                return chunk;
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            throw GatewayViolation.byServer("the body was closed twice; the server closes it exactly once");
        }
        closed = true;
        onFirstClose.run();
        body.close();
    }

    private void notClosed() {
        if (closed) {
            throw GatewayViolation.byServer("the body's iterator was used after the body was closed");
        }
    }
}
