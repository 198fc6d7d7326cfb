package io.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A push decoder for the PROXY protocol header (HAProxy's "The PROXY protocol", versions 1 and 2)
 * that a proxy such as nginx or HAProxy sends before the first byte of HTTP.
 *
 * <p>Like the request parser it never touches a socket: the connection feeds it what it read, and
 * it may stop at any byte and resume with the next buffer. It consumes exactly the header and
 * leaves the bytes after it (the HTTP request) in the buffer. The version is told by the first
 * byte: {@code 'P'} starts v1, {@code 0x0D} starts the v2 signature; anything else is an error,
 * since a listener configured for the PROXY protocol must not accept connections without it
 * (spec, section 2).
 *
 * {@snippet :
 * ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();
 * ProxyHeader header = null;
 * while (header == null) {
 *     buffer.clear(); channel.read(buffer); buffer.flip();   // end of stream handling omitted
 *     header = decoder.feed(buffer);                           // throws ProxyProtocolException
 * }
 * requestParser.feed(buffer);                                   // the rest is HTTP
 * }
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>{@code FIRST_BYTE}: picks v1 or v2.</li>
 *   <li>v1: {@code V1_PREFIX} matches {@code "PROXY "}, {@code V1_LINE} collects up to CRLF (at most
 *       {@value #V1_MAX_LINE} bytes with the CRLF), then {@link ProxyV1Line} checks the grammar.</li>
 *   <li>v2: {@code V2_SIGNATURE} matches the 12-byte signature, {@code V2_FIXED} reads version,
 *       command, family and length (checked as each byte arrives), {@code V2_BLOCK} collects the
 *       length's bytes, then {@link ProxyV2Block} decodes addresses and TLVs.</li>
 *   <li>{@code DONE}, or {@code FAILED}: the same exception is thrown again on any further feed.</li>
 * </ol>
 *
 * <p>An instance decodes one header of one connection and is not thread-safe.
 */
public final class ProxyProtocolDecoder {

    /** The longest v1 line, CRLF included (spec, 2.1). */
    public static final int V1_MAX_LINE = 107;

    /** The 12 bytes that start every v2 header (spec, 2.2). */
    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private static final byte[] V1_PREFIX = {'P', 'R', 'O', 'X', 'Y', ' '};
    private static final int V2_FIXED_LENGTH = 16;

    private enum State { FIRST_BYTE, V1_PREFIX, V1_LINE, V2_SIGNATURE, V2_FIXED, V2_BLOCK, DONE, FAILED }

    private State state = State.FIRST_BYTE;
    private final byte[] v1Line = new byte[V1_MAX_LINE];
    private int v1Length;
    private final byte[] v2Fixed = new byte[V2_FIXED_LENGTH];
    private int v2FixedLength;
    private byte[] v2Block;
    private int v2BlockLength;
    private ProxyHeader header;
    private ProxyProtocolException failure;

    /** Makes a decoder for the header of one connection, accepting version 1 and version 2. */
    public ProxyProtocolDecoder() {
    }

    /**
     * Consumes bytes of the header from {@code in}, up to its end and never beyond it.
     *
     * @param in bytes read from the connection; its position advances past what was consumed
     * @return the header once complete, or {@code null} when more bytes are needed
     * @throws ProxyProtocolException when the bytes break the spec; the connection must be closed
     * @throws IllegalStateException  when called again after the header was returned
     */
    public ProxyHeader feed(ByteBuffer in) throws ProxyProtocolException {
        if (state == State.DONE) {
            throw new IllegalStateException("the PROXY header was already decoded");
        }
        if (state == State.FAILED) {
            throw failure;
        }
        try {
            while (header == null && in.hasRemaining()) {
                switch (state) {
                    case FIRST_BYTE -> readFirstByte(in.get());
                    case V1_PREFIX -> readV1Prefix(in.get());
                    case V1_LINE -> readV1Line(in.get());
                    case V2_SIGNATURE -> readV2Signature(in.get());
                    case V2_FIXED -> readV2Fixed(in.get());
                    case V2_BLOCK -> readV2Block(in);
                    default -> throw new IllegalStateException(state.name());
                }
            }
        } catch (ProxyProtocolException e) {
            state = State.FAILED;
            failure = e;
            throw e;
        }
        if (header != null) {
            state = State.DONE;
        }
        return header;
    }

    /** @return whether {@link #feed} has returned the header */
    public boolean isDone() {
        return state == State.DONE;
    }

    private void readFirstByte(byte b) throws ProxyProtocolException {
        if (b == V1_PREFIX[0]) {
            v1Line[v1Length++] = b;
            state = State.V1_PREFIX;
        } else if (b == V2_SIGNATURE[0]) {
            v2Fixed[v2FixedLength++] = b;
            state = State.V2_SIGNATURE;
        } else {
            throw new ProxyProtocolException(String.format(
                "not a PROXY protocol header: first byte 0x%02x is neither 'P' (v1) nor 0x0d (v2)", b & 0xFF));
        }
    }

    // Spec 2.1: the line starts with the six characters "PROXY" and one space.
    private void readV1Prefix(byte b) throws ProxyProtocolException {
        if (b != V1_PREFIX[v1Length]) {
            throw new ProxyProtocolException(String.format(
                "PROXY v1: expected \"PROXY \" but byte %d is 0x%02x", v1Length, b & 0xFF));
        }
        v1Line[v1Length++] = b;
        if (v1Length == V1_PREFIX.length) {
            state = State.V1_LINE;
        }
    }

    // Spec 2.1: the line ends with CRLF and is at most 107 bytes including it.
    private void readV1Line(byte b) throws ProxyProtocolException {
        if (v1Length == V1_MAX_LINE) {
            throw new ProxyProtocolException("PROXY v1: no CRLF within the first " + V1_MAX_LINE + " bytes");
        }
        boolean afterCr = v1Line[v1Length - 1] == '\r';
        if (b == '\n') {
            if (!afterCr) {
                throw new ProxyProtocolException("PROXY v1: LF at byte " + v1Length + " without CR before it");
            }
            header = ProxyV1Line.parse(v1Line, v1Length - 1);
            return;
        }
        if (afterCr) {
            throw new ProxyProtocolException("PROXY v1: CR at byte " + (v1Length - 1) + " is not followed by LF");
        }
        v1Line[v1Length++] = b;
    }

    // Spec 2.2: the binary header starts with a fixed 12-byte signature.
    private void readV2Signature(byte b) throws ProxyProtocolException {
        if (b != V2_SIGNATURE[v2FixedLength]) {
            throw new ProxyProtocolException(String.format(
                "PROXY v2: signature byte %d is 0x%02x, expected 0x%02x",
                v2FixedLength, b & 0xFF, V2_SIGNATURE[v2FixedLength] & 0xFF));
        }
        v2Fixed[v2FixedLength++] = b;
        if (v2FixedLength == V2_SIGNATURE.length) {
            state = State.V2_FIXED;
        }
    }

    private void readV2Fixed(byte b) throws ProxyProtocolException {
        v2Fixed[v2FixedLength++] = b;
        if (v2FixedLength == 13) {
            ProxyV2Block.checkVersionAndCommand(b);
        } else if (v2FixedLength == V2_FIXED_LENGTH) {
            int length = ((v2Fixed[14] & 0xFF) << 8) | (v2Fixed[15] & 0xFF);
            ProxyV2Block.checkLength(v2Fixed, length);
            v2Block = new byte[length];
            state = State.V2_BLOCK;
            if (length == 0) {
                header = ProxyV2Block.decode(v2Fixed, v2Block);
            }
        }
    }

    private void readV2Block(ByteBuffer in) throws ProxyProtocolException {
        int count = Math.min(in.remaining(), v2Block.length - v2BlockLength);
        in.get(v2Block, v2BlockLength, count);
        v2BlockLength += count;
        if (v2BlockLength == v2Block.length) {
            header = ProxyV2Block.decode(Arrays.copyOf(v2Fixed, V2_FIXED_LENGTH), v2Block);
        }
    }
}
