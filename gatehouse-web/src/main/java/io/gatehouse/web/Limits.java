package io.gatehouse.web;

import java.nio.file.Path;

/**
 * How much of a request body the framework will read, and where big uploads go.
 *
 * {@snippet :
 * app.limits(Limits.DEFAULT.withMaxBodyBytes(1 << 20));    // 1 MiB bodies; larger: 413
 * }
 *
 * @param maxBodyBytes      the largest body read into memory by {@link Request#bytes()},
 *                          {@link Request#form()} (urlencoded) and {@link Request#json()}; over it: 413
 * @param maxUploadBytes    the largest multipart body in total; over it: 413
 * @param memoryUploadBytes a file part bigger than this is streamed to a temporary file
 * @param maxPartHeaderBytes the largest header block of one multipart part; over it: 400
 * @param tempDirectory     where upload files go; {@code null} for the JVM's temporary directory
 */
public record Limits(long maxBodyBytes, long maxUploadBytes, int memoryUploadBytes, int maxPartHeaderBytes,
                     Path tempDirectory) {

    /** 10 MiB bodies, 100 MiB uploads, parts over 256 KiB to disk, 16 KiB part headers. */
    public static final Limits DEFAULT = new Limits(10L << 20, 100L << 20, 256 << 10, 16 << 10, null);

    /** Checks that every limit is positive. */
    public Limits {
        if (maxBodyBytes <= 0 || maxUploadBytes <= 0 || memoryUploadBytes < 0 || maxPartHeaderBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBodyBytes + ", " + maxUploadBytes
                + ", " + memoryUploadBytes + ", " + maxPartHeaderBytes);
        }
    }

    /** @param bytes the new limit @return a copy with {@code maxBodyBytes} changed */
    public Limits withMaxBodyBytes(long bytes) {
        return new Limits(bytes, maxUploadBytes, memoryUploadBytes, maxPartHeaderBytes, tempDirectory);
    }

    /** @param bytes the new limit @return a copy with {@code maxUploadBytes} changed */
    public Limits withMaxUploadBytes(long bytes) {
        return new Limits(maxBodyBytes, bytes, memoryUploadBytes, maxPartHeaderBytes, tempDirectory);
    }

    /** @param bytes the new threshold @return a copy with {@code memoryUploadBytes} changed */
    public Limits withMemoryUploadBytes(int bytes) {
        return new Limits(maxBodyBytes, maxUploadBytes, bytes, maxPartHeaderBytes, tempDirectory);
    }

    /** @param directory the new directory @return a copy with {@code tempDirectory} changed */
    public Limits withTempDirectory(Path directory) {
        return new Limits(maxBodyBytes, maxUploadBytes, memoryUploadBytes, maxPartHeaderBytes, directory);
    }
}
