package io.gatehouse.spec;

import java.nio.channels.FileChannel;

/**
 * The {@code gateway.file_wrapper} key: a server-provided way to send a file region efficiently.
 *
 * <p>An application that finds one in the environ may return its result as the body; the server
 * then sends the file with zero copy where it can. Without one, applications iterate the file
 * themselves (or use {@link FileBody} directly, which any server can send).
 */
@FunctionalInterface
public interface FileWrapper {

    /** A wrapper that any server can use: a plain {@link FileBody}. */
    FileWrapper DEFAULT = FileBody::new;

    /**
     * Wraps a file region as a body.
     *
     * @param channel  an open, readable channel; the body owns it from now on
     * @param position the first byte to send
     * @param count    how many bytes to send
     * @return a body producing those bytes
     */
    Body wrap(FileChannel channel, long position, long count);
}
