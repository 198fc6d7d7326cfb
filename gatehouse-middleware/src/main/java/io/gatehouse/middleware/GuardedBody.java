package io.gatehouse.middleware;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The body {@link CatchErrors} hands the server: passes the application's chunks through and, when
 * the application's body fails, switches to the 500 page (nothing sent yet) or aborts (headers out).
 */
final class GuardedBody implements Body {

    private final Body body;
    private final CatchErrors catchErrors;
    private final Environ environ;
    private final StartResponse startResponse;
    private Body replacement;

    GuardedBody(Body body, CatchErrors catchErrors, Environ environ, StartResponse startResponse) {
        this.body = body;
        this.catchErrors = catchErrors;
        this.environ = environ;
        this.startResponse = startResponse;
    }

    @Override
    public long length() {
        return replacement != null ? replacement.length() : body.length();
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private Iterator<byte[]> chunks;
            private Iterator<byte[]> page;
            private boolean started;

            @Override
            public boolean hasNext() {
                if (page != null) {
                    return page.hasNext();
                }
                try {
                    if (chunks == null) {
                        chunks = body.iterator();
                    }
                    return chunks.hasNext();
                } catch (RuntimeException e) {
                    return recover(e);
                }
            }

            @Override
            public byte[] next() {
                if (page != null) {
                    return page.next();
                }
                byte[] chunk;
                try {
                    if (chunks == null) {
                        chunks = body.iterator();
                    }
                    chunk = chunks.next();
                } catch (NoSuchElementException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (recover(e)) {
                        return page.next();
                    }
                    throw new NoSuchElementException();
                }
                if (chunk != null && chunk.length > 0) {
                    started = true;
                }
                return chunk;
            }

            private boolean recover(RuntimeException failure) {
                if (started) {
                    catchErrors.abort(environ, startResponse, failure);
                }
                replacement = catchErrors.errorPage(environ, startResponse, failure);
                page = replacement.iterator();
                return page.hasNext();
            }
        };
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
