package io.gatehouse.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file from a {@code multipart/form-data} request: small ones in memory, larger ones in a
 * temporary file (see {@link Limits#memoryUploadBytes()}) that is deleted when the response ends.
 *
 * {@snippet :
 * Upload photo = request.file("photo");
 * if (photo != null) {
 *     photo.saveTo(uploads.resolve(UUID.randomUUID() + ".jpg"));
 * }
 * }
 */
public final class Upload {

    private final String fieldName;
    private final String filename;
    private final String contentType;
    private final byte[] memory;
    private final Path file;
    private final long size;

    Upload(String fieldName, String filename, String contentType, byte[] memory, Path file, long size) {
        this.fieldName = fieldName;
        this.filename = filename;
        this.contentType = contentType;
        this.memory = memory;
        this.file = file;
        this.size = size;
    }

    /** @return the form field name */
    public String fieldName() {
        return fieldName;
    }

    /** @return the file name the client sent (untrusted: never use it as a path as is) */
    public String filename() {
        return filename;
    }

    /** @return the part's {@code Content-Type}, {@code application/octet-stream} when it gave none */
    public String contentType() {
        return contentType;
    }

    /** @return the size in bytes */
    public long size() {
        return size;
    }

    /** @return whether the content went to a temporary file */
    public boolean onDisk() {
        return file != null;
    }

    /** @return the temporary file, or {@code null} when the content is in memory */
    public Path temporaryFile() {
        return file;
    }

    /** @return the content @throws IOException when the temporary file cannot be read */
    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    /** @return the content as bytes @throws IOException when the temporary file cannot be read */
    public byte[] bytes() throws IOException {
        return file == null ? memory.clone() : Files.readAllBytes(file);
    }

    /**
     * Copies the content to a file, replacing it.
     *
     * @param target where to write
     * @throws IOException when writing fails
     */
    public void saveTo(Path target) throws IOException {
        try (InputStream in = open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "Upload[" + fieldName + ", " + filename + ", " + contentType + ", " + size + " bytes"
            + (file == null ? "" : ", " + file) + "]";
    }
}
