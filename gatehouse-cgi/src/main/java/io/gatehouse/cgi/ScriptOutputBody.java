package io.gatehouse.cgi;

import io.gatehouse.spec.Body;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rest of a script's stdout after its header, streamed as it comes; closing it kills the
 * script if it still runs, which is how a client that goes away stops the script.
 *
 * {@snippet :
 * return new ScriptOutputBody(script);
 * }
 */
final class ScriptOutputBody implements Body {

    private static final int CHUNK = 16 * 1024;

    private final ScriptProcess script;

    ScriptOutputBody(ScriptProcess script) {
        this.script = script;
    }

    @Override
    public Iterator<byte[]> iterator() {
        InputStream out = script.stdout();
        return new Iterator<>() {
            private byte[] next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    byte[] buffer = new byte[CHUNK];
                    try {
                        int read = out.read(buffer);
                        if (read < 0) {
                            ended = true;
                        } else {
                            next = Arrays.copyOf(buffer, read);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading the script's output", e);
                    }
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] chunk = next;
                next = null;
                return chunk;
            }
        };
    }

    @Override
    public void close() {
        script.close();
    }
}
