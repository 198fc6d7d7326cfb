package io.gatehouse.appserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master's pid in a file, for init scripts and {@code gatehouse ctl}; written at start,
 * removed at exit.
 *
 * {@snippet :
 * PidFile.write(Path.of("/run/gatehouse.pid"), ProcessHandle.current().pid());
 * long pid = PidFile.read(Path.of("/run/gatehouse.pid"));
 * }
 */
public final class PidFile {

    private PidFile() {
    }

    /** @param file the file @param pid the pid @throws IOException when it cannot be written */
    public static void write(Path file, long pid) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, pid + "\n");
        // A rename is atomic, so a reader never sees a half-written pid.
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param file the file
     * @return the pid in it
     * @throws IOException when it is missing or holds no number, naming the file
     */
    public static long read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            throw new IOException("cannot read pid file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("pid file " + file + " holds no pid: '" + text + "'", e);
        }
    }

    /** @param file the file to remove if it still names this process */
    static void remove(Path file) {
        try {
            if (Files.exists(file) && read(file) == ProcessHandle.current().pid()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // Nothing to do on the way out: a stale pid file is reported by whoever reads it.
        }
    }
}
