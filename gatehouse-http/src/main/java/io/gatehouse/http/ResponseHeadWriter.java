package io.gatehouse.http;

import java.util.Arrays;

/**
 * Writes a response head (status line and field lines, RFC 9112 sections 4 and 5) as bytes into
 * an array it reuses, ASCII by hand. It does not check values: callers check names and values
 * with {@link Tokens#isFieldName} and {@link Tokens#isFieldValue(String)} first.
 *
 * {@snippet :
 * ResponseHeadWriter head = new ResponseHeadWriter();
 * head.statusLine(1, "200 OK").line(HttpDate.fieldLine()).field("Content-Length", 5).end();
 * out.write(head.bytes(), 0, head.length());
 * }
 */
public final class ResponseHeadWriter {

    private static final int INITIAL_SIZE = 512;
    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int length;

    /**
     * Starts a new head.
     *
     * @param minorVersion 1 or 0: the version written, which is the request's
     * @param status       the status code and reason, such as {@code "200 OK"}
     * @return this
     */
    public ResponseHeadWriter statusLine(int minorVersion, String status) {
        length = 0;
        latin1(minorVersion == 0 ? "HTTP/1.0 " : "HTTP/1.1 ");
        latin1(status);
        return crlf();
    }

    /** @param name a field name @param value its value (ISO-8859-1) @return this */
    public ResponseHeadWriter field(String name, String value) {
        name(name);
        latin1(value);
        return crlf();
    }

    /** @param name a field name @param value a non-negative number @return this */
    public ResponseHeadWriter field(String name, long value) {
        name(name);
        room(20);
        if (value == 0) {
            bytes[length++] = '0';
        } else {
            int digits = 0;
            for (long v = value; v > 0; v /= 10) {
                digits++;
            }
            for (int i = length + digits - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += digits;
        }
        return crlf();
    }

    /** @param line a whole pre-encoded field line ending in CRLF @return this */
    public ResponseHeadWriter line(byte[] line) {
        room(line.length);
        System.arraycopy(line, 0, bytes, length, line.length);
        length += line.length;
        return this;
    }

    /** Ends the head with the empty line. @return this */
    public ResponseHeadWriter end() {
        return crlf();
    }

    /**
     * Writes the next heads into the given array (one from a pool, say) for as long as they fit;
     * a longer head moves to a larger array of the writer's own.
     *
     * @param array the array to write into from index 0
     * @return this
     */
    public ResponseHeadWriter use(byte[] array) {
        bytes = array;
        length = 0;
        return this;
    }

    /**
     * Lets go of the array, for a connection that goes idle; the next head uses the array given
     * to {@link #use} or allocates a new one. Many idle connections then hold no head bytes.
     *
     * @return the array the writer held (to give back to a pool), or null when it held none
     */
    public byte[] release() {
        byte[] held = bytes == NONE ? null : bytes;
        bytes = NONE;
        length = 0;
        return held;
    }

    /** @return the array holding the head; valid up to {@link #length()} */
    public byte[] bytes() {
        return bytes;
    }

    /** @return the number of bytes written */
    public int length() {
        return length;
    }

    private void name(String name) {
        latin1(name);
        room(2);
        bytes[length++] = ':';
        bytes[length++] = ' ';
    }

    private ResponseHeadWriter crlf() {
        room(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
        return this;
    }

    private void latin1(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void room(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(bytes.length * 2, INITIAL_SIZE), length + n));
        }
    }
}
