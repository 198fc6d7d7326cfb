package io.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one CRLF-terminated line from buffers that may end anywhere, rejecting bare CR, bare
 * LF and control bytes as they arrive, so the line-level parsers only see clean bytes.
 */
final class LineReader {

    private byte[] line;
    private int length;
    private boolean sawCr;

    LineReader(int initialCapacity) {
        line = new byte[initialCapacity];
    }

    /**
     * Reads up to the end of the current line.
     *
     * @param in        bytes; its position advances past what was consumed
     * @param maxLength the longest line allowed, CRLF excluded
     * @param tooLong   the violation for a longer line
     * @return whether a whole line is now in {@link #bytes()}
     */
    boolean read(ByteBuffer in, int maxLength, Violation tooLong) throws HttpViolationException {
        int pos = in.position();
        int limit = in.limit();
        try {
            while (pos < limit) {
                byte b = in.get(pos++);
                if (sawCr) {
                    if (b != '\n') {
                        throw new HttpViolationException(Violation.BARE_CR);   // RFC 9112, section 2.2
                    }
                    sawCr = false;
                    return true;
                }
                if ((b & 0xFF) < 0x20 || b == 0x7F) {
                    if (b == '\r') {
                        sawCr = true;
                        continue;
                    }
                    if (b == '\n') {
                        throw new HttpViolationException(Violation.BARE_LF);   // RFC 9112, section 2.2
                    }
                    if (b != '\t') {
                        throw new HttpViolationException(Violation.CONTROL_CHARACTER);   // RFC 9110, 5.5
                    }
                }
                if (length >= maxLength) {
                    throw new HttpViolationException(tooLong);
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            }
            return false;
        } finally {
            in.position(pos);
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
        sawCr = false;
    }
}
