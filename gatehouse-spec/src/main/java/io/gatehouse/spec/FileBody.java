package io.gatehouse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A body that is a region of a file.
 *
 * <p>Servers recognise it and send the region with {@link FileChannel#transferTo} (zero copy on a
 * plain socket); anything else, such as a middleware that compresses, can simply iterate it, which
 * reads the region in blocks. Closing the body closes the channel.
 *
 * {@snippet :
 * FileChannel channel = FileChannel.open(path);
 * return environ.fileWrapper().wrap(channel, 0, channel.size());
 * }
 */
public final class FileBody implements Body {

    private static final int BLOCK = 64 * 1024;

    private final FileChannel channel;
    private final long position;
    private final long count;

    /**
     * Makes a body of {@code count} bytes of {@code channel} starting at {@code position}.
     *
     * @param channel  an open, readable channel; the body owns it from now on
     * @param position the first byte to send
     * @param count    how many bytes to send
     */
    public FileBody(FileChannel channel, long position, long count) {
        this.channel = Objects.requireNonNull(channel, "channel");
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("position and count must be >= 0: " + position + ", " + count);
        }
        this.position = position;
        this.count = count;
    }

    /** @return the channel the bytes come from */
    public FileChannel channel() {
        return channel;
    }

    /** @return the offset of the first byte */
    public long position() {
        return position;
    }

    /** @return the number of bytes */
    public long count() {
        return count;
    }

    @Override
    public long length() {
        return count;
    }

    /** Reads the region in blocks of 64 KiB; a file that shrinks meanwhile ends the body early. */
    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private long next = position;
            private final long end = position + count;
            private boolean eof;

            @Override
            public boolean hasNext() {
                return !eof && next < end;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK, end - next));
                try {
                    int read = channel.read(block, next);
                    if (read < 0) {
                        eof = true;
                        return new byte[0];
                    }
                    next += read;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                byte[] chunk = new byte[block.position()];
                block.flip().get(chunk);
                return chunk;
            }
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
