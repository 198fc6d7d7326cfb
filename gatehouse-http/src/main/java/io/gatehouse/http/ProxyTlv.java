package io.gatehouse.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One type-length-value extension of a PROXY protocol v2 header (spec, 2.2.1 onwards).
 *
 * <p>The decoder checks that every TLV fits in the header and verifies {@link #CRC32C} when present;
 * it does not interpret the others, whose meaning is the application's business:
 *
 * {@snippet :
 * header.tlv(ProxyTlv.AUTHORITY).map(ProxyTlv::text)   // the TLS SNI host name, if the proxy sent it
 * }
 *
 * @param type  the type byte, 0 to 255
 * @param value the value bytes (the record keeps its own copy)
 */
public record ProxyTlv(int type, byte[] value) {

    /** Application-Layer Protocol Negotiation name, such as {@code h2}. */
    public static final int ALPN = 0x01;
    /** The host name the client asked for (TLS SNI or Host), UTF-8. */
    public static final int AUTHORITY = 0x02;
    /** A CRC32C checksum of the whole header; verified by the decoder. */
    public static final int CRC32C = 0x03;
    /** Padding, to be ignored. */
    public static final int NOOP = 0x04;
    /** An opaque connection id of up to 128 bytes. */
    public static final int UNIQUE_ID = 0x05;
    /** TLS details from the proxy, with sub-TLVs (not decoded here). */
    public static final int SSL = 0x20;
    /** The network namespace name, US-ASCII. */
    public static final int NETNS = 0x30;

    /** Checks the type range and copies the value. */
    public ProxyTlv {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("TLV type must be 0 to 255, got " + type);
        }
        value = value.clone();
    }

    /** @return a copy of the value bytes */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** @return the value decoded as UTF-8, for text TLVs such as {@link #AUTHORITY} */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyTlv tlv && tlv.type == type && Arrays.equals(tlv.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ProxyTlv[type=0x" + HexFormat.of().toHexDigits((byte) type) + ", value="
            + HexFormat.of().formatHex(value) + "]";
    }
}
