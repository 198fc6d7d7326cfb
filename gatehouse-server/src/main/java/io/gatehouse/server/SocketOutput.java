package io.gatehouse.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;

/**
 * The write side of a connection: a reused buffer so that a head and a small body leave in one
 * write, and pipelined responses leave together; a small file region joins the head in the buffer,
 * a larger one goes with {@link FileChannel#transferTo} (zero copy). While a write blocks,
 * {@link #writingSince()} tells the {@link TimeoutWatchdog} since when, so a client that stops
 * reading is cut off.
 */
final class SocketOutput {

    /** The socket, or TLS over it. */
    private final GatheringByteChannel channel;
    private final BufferPool pool;
    private final ServerStats stats;
    /** Nothing to write and no pooled array held: what an idle connection keeps. */
    private static final ByteBuffer NONE = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private byte[] bytes;
    private ByteBuffer buffer = NONE;
    private volatile long writingSince;
    private boolean broken;

    SocketOutput(GatheringByteChannel channel, BufferPool pool, ServerStats stats) {
        this.channel = channel;
        this.pool = pool;
        this.stats = stats;
    }

    /** Gives the buffer back to the pool while the connection is idle; nothing may be pending. */
    void release() {
        if (bytes != null && buffer.position() == 0) {
            pool.release(bytes);
            bytes = null;
            buffer = NONE;
        }
    }

    void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    void write(byte[] data, int offset, int length) throws IOException {
        acquireBuffer();
        if (length <= buffer.remaining()) {
            buffer.put(data, offset, length);
            return;
        }
        if (length < buffer.capacity() / 2) {
            flush();
            buffer.put(data, offset, length);
            return;
        }
        // A large chunk goes out with what is buffered (the head, typically) in one gathering write.
        buffer.flip();
        try {
            writeFully(buffer, ByteBuffer.wrap(data, offset, length));
        } finally {
            buffer.clear();
        }
    }

    private void acquireBuffer() {
        if (bytes == null) {
            bytes = pool.acquire();
            buffer = ByteBuffer.wrap(bytes);
        }
    }

    /** @return whether bytes are buffered that have not been written yet */
    boolean pending() {
        return buffer.position() > 0;
    }

    /** Writes everything buffered. */
    void flush() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            try {
                writeFully(buffer);
            } finally {
                buffer.clear();
            }
        }
    }

    /**
     * Sends a file region. One that fits in the buffer is read into it, behind the head already
     * there, so head and body leave in one write: for a small file that costs one pread instead of
     * sendfile (plus the copy_file_range the JDK tries first), and one TCP segment instead of two.
     * A larger region goes from the page cache to the socket with zero copy.
     */
    void transfer(FileChannel file, long position, long count) throws IOException {
        if (bytes != null && count <= buffer.remaining()) {
            readFully(file, position, (int) count);
            return;
        }
        flush();
        long end = position + count;
        writingSince = System.nanoTime() | 1;
        try {
            while (position < end) {
                stats.write();
                long n = file.transferTo(position, end - position, channel);
                if (n > 0) {
                    position += n;
                    stats.bytesOut(n);
                } else {
                    // 0 is the end of the file, or a full send buffer: under a virtual thread the
                    // socket is non-blocking underneath, so sendfile answers EAGAIN instead of
                    // waiting. A normal write of the next block parks until the client has read;
                    // then zero copy resumes.
                    position += writeBlock(file, position, end);
                    writingSince = System.nanoTime() | 1;
                }
            }
        } catch (IOException e) {
            broken = true;
            throw e;
        } finally {
            writingSince = 0;
        }
    }

    /** Appends {@code count} bytes of the file to the buffer, which has room for them. */
    private void readFully(FileChannel file, long position, int count) throws IOException {
        int limit = buffer.limit();
        buffer.limit(buffer.position() + count);
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, position + count - buffer.remaining()) < 0) {
                    throw new IOException("file ended before its declared length");
                }
            }
        } finally {
            buffer.limit(limit);
        }
    }

    /** Writes the next block of the region through the (empty) buffer; @return its length */
    private int writeBlock(FileChannel file, long position, long end) throws IOException {
        acquireBuffer();
        int block = (int) Math.min(buffer.capacity(), end - position);
        readFully(file, position, block);
        flush();
        return block;
    }

    private void writeFully(ByteBuffer... data) throws IOException {
        ByteBuffer last = data[data.length - 1];
        long total = 0;
        for (ByteBuffer part : data) {
            total += part.remaining();
        }
        stats.bytesOut(total);
        writingSince = System.nanoTime() | 1;
        try {
            while (last.hasRemaining()) {
                stats.write();
                channel.write(data);
            }
        } catch (IOException e) {
            broken = true;
            throw e;
        } finally {
            writingSince = 0;
        }
    }

    /** @return {@link System#nanoTime()} when the blocked write began, or 0 when none is under way */
    long writingSince() {
        return writingSince;
    }

    /** @return whether a write failed: the client is gone or too slow */
    boolean broken() {
        return broken;
    }
}
