package io.gatehouse.spec;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A response body: an iterable of byte chunks that the server closes when it is done.
 *
 * <p>The server iterates once, writes each chunk as it comes (an empty chunk sends nothing), and
 * calls {@link #close()} exactly once afterwards: after the last chunk, after an error, and when
 * the client went away mid-response. That makes {@code close} the place to release what the body
 * holds (a file, a database cursor).
 *
 * {@snippet :
 * return Body.of("Hello, World!\n".getBytes(StandardCharsets.US_ASCII));   // one chunk
 * return Body.of(chunks, cursor::close);                                   // streamed, with cleanup
 * }
 *
 * <p>The server must not hold on to a chunk after writing it, and the application must not change
 * a chunk after handing it over.
 */
public interface Body extends Iterable<byte[]>, Closeable {

    /**
     * The total number of bytes this body will produce, if known without iterating.
     *
     * <p>A server may use it to send {@code Content-Length} when the application gave none, instead
     * of chunked coding.
     *
     * @return the byte count, or {@code -1} when unknown
     */
    default long length() {
        return -1;
    }

    /** Releases what the body holds; the default does nothing. */
    @Override
    default void close() throws IOException {
    }

    /**
     * A body with no bytes.
     *
     * @return an empty body
     */
    static Body empty() {
        return Chunks.EMPTY;
    }

    /**
     * A body of one chunk.
     *
     * @param chunk the bytes, not copied
     * @return the body
     */
    static Body of(byte[] chunk) {
        return new Chunks(List.of(chunk));
    }

    /**
     * A body of several chunks, sent in order.
     *
     * @param chunks the chunks, not copied
     * @return the body
     */
    static Body of(byte[]... chunks) {
        return new Chunks(List.of(chunks));
    }

    /**
     * A body of the given chunks, sent in order.
     *
     * @param chunks the chunks, not copied
     * @return the body
     */
    static Body of(List<byte[]> chunks) {
        return new Chunks(List.copyOf(chunks));
    }

    /**
     * A body of text, encoded as UTF-8.
     *
     * @param text the text
     * @return the body
     */
    static Body of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A streamed body: the chunks are produced as the server iterates, and {@code onClose} runs when
     * the server closes the body.
     *
     * @param chunks  the chunks, iterated once
     * @param onClose what to release at the end
     * @return the body
     */
    static Body of(Iterable<byte[]> chunks, Closeable onClose) {
        Objects.requireNonNull(chunks, "chunks");
        Objects.requireNonNull(onClose, "onClose");
        return new Body() {
            @Override
            public Iterator<byte[]> iterator() {
                return chunks.iterator();
            }

            @Override
            public void close() throws IOException {
                onClose.close();
            }
        };
    }
}
