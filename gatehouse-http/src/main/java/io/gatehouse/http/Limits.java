package io.gatehouse.http;

/**
 * The size limits the request parser enforces, each answered with its own status.
 *
 * <p>Defaults follow what Gunicorn and nginx ship, so an application moved behind Gatehouse sees
 * the same ceilings.
 *
 * @param maxRequestLine     longest request line in bytes, CRLF excluded; beyond it: 414
 * @param maxHeaderCount     most header fields in one request; beyond it: 431
 * @param maxHeaderFieldSize longest single header line in bytes; beyond it: 431
 * @param maxHeaderBytes     most bytes of the whole head (request line and fields); beyond it: 431
 * @param maxBodySize        largest request body in bytes, {@link Long#MAX_VALUE} for no limit;
 *                           beyond it: 413
 */
public record Limits(int maxRequestLine, int maxHeaderCount, int maxHeaderFieldSize, int maxHeaderBytes,
                     long maxBodySize) {

    /** 8190-byte request line and fields, 100 fields, 64 KiB of head, no body limit. */
    public static final Limits DEFAULTS = new Limits(8190, 100, 8190, 64 * 1024, Long.MAX_VALUE);

    /** Rejects limits that cannot work, naming the bad value. */
    public Limits {
        positive("maxRequestLine", maxRequestLine);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxHeaderFieldSize", maxHeaderFieldSize);
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxBodySize", maxBodySize);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0, got " + value);
        }
    }
}
