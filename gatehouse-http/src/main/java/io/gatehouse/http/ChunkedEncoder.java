package io.gatehouse.http;

import java.nio.charset.StandardCharsets;

/**
 * Frames data with the chunked transfer coding (RFC 9112, section 7.1): a hex size line before
 * each chunk, CRLF after it, and a zero-size last chunk. Writes into a caller's array, no I/O.
 *
 * {@snippet :
 * int n = ChunkedEncoder.writeSizeLine(out, pos, data.length);   // "1a\r\n"
 * // ... data ..., then ChunkedEncoder.CRLF; at the end ChunkedEncoder.LAST_CHUNK
 * }
 */
public final class ChunkedEncoder {

    /** What follows each chunk's data. */
    public static final byte[] CRLF = {'\r', '\n'};
    /** The last chunk with an empty trailer section. */
    public static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The longest size line: 16 hex digits and CRLF. */
    public static final int MAX_SIZE_LINE = 18;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private ChunkedEncoder() {
    }

    /**
     * @param out  where to write; needs {@link #MAX_SIZE_LINE} bytes of room at {@code pos}
     * @param pos  the index to write at
     * @param size the chunk's size, greater than 0
     * @return how many bytes were written
     */
    public static int writeSizeLine(byte[] out, int pos, long size) {
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(size) + 3) / 4);
        for (int i = digits - 1; i >= 0; i--) {
            out[pos++] = HEX[(int) (size >>> (i * 4)) & 0xF];
        }
        out[pos++] = '\r';
        out[pos] = '\n';
        return digits + 2;
    }
}
