package io.gatehouse.middleware;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A log file that can be reopened at its path, for logrotate: the tool renames the file, then
 * signals the server (SIGUSR1, or {@code gatehouse ctl reopen-logs}), which calls {@link #reopen()};
 * lines written after that go to a new file at the original path.
 *
 * <p>The file is opened for appending, and each line goes out in one write, so several worker
 * processes can share one file without interleaving within a line. Thread-safe: writes and reopen
 * take the same lock, so a line is never split between the old and the new file.
 *
 * {@snippet :
 * LogFile log = LogFile.open(Path.of("/var/log/gatehouse/access.log"));
 * Application app = AccessLog.wrap(site, log);
 * // on SIGUSR1:
 * log.reopen();
 * }
 */
public final class LogFile implements LogSink, Closeable {

    private final Path path;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;

    private LogFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens (or creates) the file for appending.
     *
     * @param path the log file
     * @return the open log file
     * @throws IOException with a one-line message naming the path when it cannot be opened
     */
    public static LogFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return new LogFile(path, openChannel(path));
    }

    /** @return the path this file writes to */
    public Path path() {
        return path;
    }

    @Override
    public void writeLine(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        lock.lock();
        try {
            if (channel == null) {
                throw new IOException("log file " + path + " is closed");
            }
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens the path again and writes there from now on; the old file is closed. When the path
     * cannot be opened, the old file stays in use and the error is thrown, so no line is lost.
     *
     * @throws IOException with a one-line message naming the path
     */
    public void reopen() throws IOException {
        lock.lock();
        try {
            FileChannel fresh = openChannel(path);
            FileChannel old = channel;
            channel = fresh;
            if (old != null) {
                old.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file; later writes fail, and {@link #reopen()} opens it again. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private static FileChannel openChannel(Path path) throws IOException {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("cannot open log file " + path + ": its directory does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("cannot open log file " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot open log file " + path + ": " + e.getMessage(), e);
        }
    }
}
