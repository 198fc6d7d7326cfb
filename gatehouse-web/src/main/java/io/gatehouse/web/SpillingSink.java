package io.gatehouse.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collects one multipart part: in memory up to a threshold, then in a temporary file (for files;
 * a text field that outgrows the threshold is only counted, and refused by the caller).
 */
final class SpillingSink extends OutputStream {

    private final int threshold;
    private final Limits spillLimits;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long size;

    /**
     * @param threshold   bytes kept in memory
     * @param spillLimits where to spill, or {@code null} to never write a file (text fields)
     */
    SpillingSink(int threshold, Limits spillLimits) {
        this.threshold = threshold;
        this.spillLimits = spillLimits;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        size += length;
        if (fileOut != null) {
            fileOut.write(bytes, offset, length);
            return;
        }
        if (memory.size() + length <= threshold) {
            memory.write(bytes, offset, length);
            return;
        }
        if (spillLimits == null) {
            file = Path.of("(too large)"); // marks the overflow; nothing is written
            fileOut = OutputStream.nullOutputStream();
            return;
        }
        file = spillLimits.tempDirectory() == null
            ? Files.createTempFile("gatehouse-upload-", ".part")
            : Files.createTempFile(spillLimits.tempDirectory(), "gatehouse-upload-", ".part");
        fileOut = Files.newOutputStream(file);
        memory.writeTo(fileOut);
        memory = null;
        fileOut.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    /** @return the temporary file (closed), or {@code null} when the part stayed in memory */
    Path file() throws IOException {
        close();
        return file;
    }

    byte[] memory() {
        return memory == null ? null : memory.toByteArray();
    }

    long size() {
        return size;
    }

    void discard() throws IOException {
        close();
        if (file != null && spillLimits != null) {
            Files.deleteIfExists(file);
        }
    }
}
