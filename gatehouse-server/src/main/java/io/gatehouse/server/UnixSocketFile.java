package io.gatehouse.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file a Unix domain socket is bound at. Binding fails while the file exists, and the file
 * outlives a process that died without removing it; so before binding, an existing socket file is
 * probed: if nothing accepts a connection on it, it is stale and removed; if something does, a
 * live server owns it and binding is refused. A file that is not a socket is never touched.
 *
 * {@snippet :
 * UnixSocketFile.clearStale(Path.of("/run/gatehouse/gatehouse.sock"));   // IOException if in use
 * }
 */
public final class UnixSocketFile {

    /** st_mode's file type bits, and the type of a socket (POSIX {@code S_IFMT}, {@code S_IFSOCK}). */
    private static final int FILE_TYPE = 0170000;
    private static final int SOCKET = 0140000;

    private UnixSocketFile() {
    }

    /**
     * Removes the file at {@code path} when it is a socket nobody listens on.
     *
     * @param path where the socket will be bound
     * @throws IOException naming the path when a live process listens there or the file is not a socket
     */
    public static void clearStale(Path path) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;   // nothing there: the usual case
        }
        if ((mode & FILE_TYPE) != SOCKET) {
            throw new IOException("cannot bind unix:" + path + ": the file exists and is not a socket");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (ConnectException e) {
            // ECONNREFUSED: the socket has no listener, its process is gone.
            Files.deleteIfExists(path);
            return;
        } catch (IOException e) {
            throw new IOException("cannot bind unix:" + path + ": cannot probe the socket file there: "
                + e.getMessage(), e);
        }
        throw new IOException("cannot bind unix:" + path + ": a running process is listening on it");
    }
}
