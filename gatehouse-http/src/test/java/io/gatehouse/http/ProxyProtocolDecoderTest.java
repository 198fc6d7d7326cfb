package io.gatehouse.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case is replayed whole, one byte at a time, and split in two at every offset; valid ones
 * are followed by HTTP bytes that the decoder must leave in the buffer.
 */
class ProxyProtocolDecoderTest {

    private static final byte[] HTTP = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final ProxyHeader.Command PROXY = ProxyHeader.Command.PROXY;
    private static final ProxyHeader.Transport STREAM = ProxyHeader.Transport.STREAM;

    static Stream<Arguments> validHeaders() {
        return Stream.of(
            valid("v1 TCP4", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n"),
                new ProxyHeader(1, PROXY, ProxyHeader.Family.INET, STREAM,
                    "192.0.2.10", 56324, "198.51.100.1", 443, List.of())),
            valid("v1 TCP4 as nginx 1.22 sends it", ascii("PROXY TCP4 127.0.0.1 127.0.0.1 35464 18202\r\n"),
                new ProxyHeader(1, PROXY, ProxyHeader.Family.INET, STREAM,
                    "127.0.0.1", 35464, "127.0.0.1", 18202, List.of())),
            valid("v1 TCP4 limits", ascii("PROXY TCP4 255.255.255.255 0.0.0.0 65535 0\r\n"),
                new ProxyHeader(1, PROXY, ProxyHeader.Family.INET, STREAM,
                    "255.255.255.255", 65535, "0.0.0.0", 0, List.of())),
            valid("v1 TCP6", ascii("PROXY TCP6 2001:db8::1 ::1 40000 8080\r\n"),
                new ProxyHeader(1, PROXY, ProxyHeader.Family.INET6, STREAM,
                    "2001:db8:0:0:0:0:0:1", 40000, "0:0:0:0:0:0:0:1", 8080, List.of())),
            valid("v1 TCP6 longest line", ascii("PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
                    + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"),
                new ProxyHeader(1, PROXY, ProxyHeader.Family.INET6, STREAM,
                    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535,
                    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535, List.of())),
            valid("v1 UNKNOWN", ascii("PROXY UNKNOWN\r\n"), unknown(1, PROXY)),
            valid("v1 UNKNOWN with ignored rest", ascii("PROXY UNKNOWN ffff::1 whatever 1 2\r\n"), unknown(1, PROXY)),
            valid("v1 UNKNOWN of exactly 107 bytes", ascii("PROXY UNKNOWN " + "x".repeat(91) + "\r\n"),
                unknown(1, PROXY)),
            valid("v2 LOCAL", v2(0x20, 0x00, new byte[0]), unknown(2, ProxyHeader.Command.LOCAL)),
            valid("v2 LOCAL ignores its block", v2(0x20, 0x11, bytes(1, 2, 3)), unknown(2, ProxyHeader.Command.LOCAL)),
            valid("v2 PROXY UNSPEC", v2(0x21, 0x00, new byte[0]), unknown(2, PROXY)),
            valid("v2 INET", v2(0x21, 0x11, bytes(192, 0, 2, 10, 198, 51, 100, 1, 0xDC, 0x04, 0x01, 0xBB)),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.INET, STREAM,
                    "192.0.2.10", 56324, "198.51.100.1", 443, List.of())),
            valid("v2 INET UDP", v2(0x21, 0x12, bytes(10, 0, 0, 1, 10, 0, 0, 2, 0, 53, 0, 54)),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.INET, ProxyHeader.Transport.DGRAM,
                    "10.0.0.1", 53, "10.0.0.2", 54, List.of())),
            valid("v2 INET6", v2(0x21, 0x21, concat(ipv6Block(), new byte[0])),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.INET6, STREAM,
                    "2001:db8:0:0:0:0:0:1", 40000, "0:0:0:0:0:0:0:1", 8080, List.of())),
            valid("v2 UNIX", v2(0x21, 0x31, concat(unixPath("/run/client.sock"), unixPath("/run/gatehouse.sock"))),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.UNIX, STREAM,
                    "/run/client.sock", -1, "/run/gatehouse.sock", -1, List.of())),
            valid("v2 INET with TLVs", v2(0x21, 0x11, concat(
                    bytes(127, 0, 0, 1, 127, 0, 0, 1, 0x1F, 0x90, 0, 80),
                    tlv(ProxyTlv.ALPN, ascii("h2")), tlv(ProxyTlv.AUTHORITY, ascii("example.com")),
                    tlv(ProxyTlv.NOOP, new byte[0]))),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.INET, STREAM, "127.0.0.1", 8080, "127.0.0.1", 80,
                    List.of(new ProxyTlv(ProxyTlv.ALPN, ascii("h2")),
                        new ProxyTlv(ProxyTlv.AUTHORITY, ascii("example.com")),
                        new ProxyTlv(ProxyTlv.NOOP, new byte[0])))),
            valid("v2 INET with a correct CRC32C", withCrc(bytes(10, 1, 2, 3, 10, 3, 2, 1, 0, 1, 0, 2)),
                new ProxyHeader(2, PROXY, ProxyHeader.Family.INET, STREAM, "10.1.2.3", 1, "10.3.2.1", 2,
                    List.of(new ProxyTlv(ProxyTlv.CRC32C, crcOf(bytes(10, 1, 2, 3, 10, 3, 2, 1, 0, 1, 0, 2)))))));
    }

    static Stream<Arguments> invalidHeaders() {
        byte[] badCrc = withCrc(bytes(10, 1, 2, 3, 10, 3, 2, 1, 0, 1, 0, 2));
        badCrc[20] ^= 1;
        return Stream.of(
            invalid("plain HTTP", ascii("GET / HTTP/1.1\r\n"), "first byte 0x47 is neither 'P'"),
            invalid("lower-case proxy", ascii("proxy TCP4 1.2.3.4 1.2.3.4 1 2\r\n"), "first byte 0x70"),
            invalid("PROXY without space", ascii("PROXYTCP4\r\n"), "expected \"PROXY \" but byte 5 is 0x54"),
            invalid("v1 unknown protocol", ascii("PROXY UDP4 1.2.3.4 1.2.3.4 1 2\r\n"), "protocol \"UDP4\""),
            invalid("v1 two spaces", ascii("PROXY TCP4 1.2.3.4  1.2.3.4 1 2\r\n"), "single spaces"),
            invalid("v1 missing port", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1\r\n"), "single spaces"),
            invalid("v1 trailing space", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1 2 \r\n"), "single spaces"),
            invalid("v1 bare LF", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\n"), "LF at byte 30 without CR"),
            invalid("v1 CR without LF", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\rX"), "CR at byte 30 is not followed"),
            invalid("v1 IPv6 in TCP4", ascii("PROXY TCP4 ::1 ::1 1 2\r\n"), "source address \"::1\" is not a dotted-quad"),
            invalid("v1 leading zero octet", ascii("PROXY TCP4 1.2.3.4 010.0.0.1 1 2\r\n"), "destination address \"010.0.0.1\""),
            invalid("v1 octet too big", ascii("PROXY TCP4 256.2.3.4 1.2.3.4 1 2\r\n"), "\"256.2.3.4\""),
            invalid("v1 short IPv4", ascii("PROXY TCP4 1.2.3 1.2.3.4 1 2\r\n"), "\"1.2.3\""),
            invalid("v1 IPv4 in TCP6", ascii("PROXY TCP6 1.2.3.4 ::1 1 2\r\n"), "\"1.2.3.4\" is not an IPv6"),
            invalid("v1 bracketed IPv6", ascii("PROXY TCP6 [::1] ::1 1 2\r\n"), "\"[::1]\" is not an IPv6"),
            invalid("v1 IPv6 zone", ascii("PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n"), "\"fe80::1%eth0\""),
            invalid("v1 bad IPv6", ascii("PROXY TCP6 1::2::3 ::1 1 2\r\n"), "\"1::2::3\""),
            invalid("v1 port too big", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 65536 2\r\n"), "source port \"65536\""),
            invalid("v1 port leading zero", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1 080\r\n"), "destination port \"080\""),
            invalid("v1 negative port", ascii("PROXY TCP4 1.2.3.4 1.2.3.4 -1 2\r\n"), "source port \"-1\""),
            invalid("v1 control character", ascii("PROXY TCP4 1.2.3.4\t1.2.3.4 1 2\r\n"), "byte 18 is 0x09"),
            invalid("v1 108 bytes", ascii("PROXY UNKNOWN " + "x".repeat(92) + "\r\n"), "no CRLF within the first 107"),
            invalid("v1 endless", ascii("PROXY " + "1".repeat(200)), "no CRLF within the first 107"),
            invalid("v2 bad signature", bytes(0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x55),
                "signature byte 10 is 0x55, expected 0x54"),
            invalid("v2 version 1", v2(0x11, 0x11, new byte[12]), "version nibble is 0x1, expected 0x2"),
            invalid("v2 version 3", v2(0x31, 0x11, new byte[12]), "version nibble is 0x3"),
            invalid("v2 command 2", v2(0x22, 0x11, new byte[12]), "command nibble is 0x2"),
            invalid("v2 family 4", v2(0x21, 0x41, new byte[12]), "address family nibble is 0x4"),
            invalid("v2 transport 3", v2(0x21, 0x13, new byte[12]), "transport nibble is 0x3"),
            invalid("v2 INET too short", v2(0x21, 0x11, new byte[11]), "length 11 is shorter than the 12 bytes of INET"),
            invalid("v2 INET6 too short", v2(0x21, 0x21, new byte[12]), "length 12 is shorter than the 36 bytes of INET6"),
            invalid("v2 UNIX too short", v2(0x21, 0x31, new byte[36]), "216 bytes of UNIX"),
            invalid("v2 TLV header cut", v2(0x21, 0x11, concat(new byte[12], bytes(0x01, 0x00))),
                "TLV at byte 28 is truncated: 2 bytes left"),
            invalid("v2 TLV value overruns", v2(0x21, 0x11, concat(new byte[12], bytes(0x02, 0x00, 0x05, 'a', 'b'))),
                "TLV 0x02 at byte 28 declares 5 bytes but only 2 are left"),
            invalid("v2 CRC32C wrong", badCrc, "CRC32C is"),
            invalid("v2 CRC32C wrong size", v2(0x21, 0x11, concat(new byte[12], tlv(ProxyTlv.CRC32C, bytes(1, 2)))),
                "must appear once with 4 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void decodesValidHeadersWhole(String name, byte[] input, ProxyHeader expected) throws Exception {
        assertValid(input, expected, List.of(input.length + HTTP.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void decodesValidHeadersOneByteAtATime(String name, byte[] input, ProxyHeader expected) throws Exception {
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < input.length + HTTP.length; i++) {
            ones.add(1);
        }
        assertValid(input, expected, ones);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void decodesValidHeadersSplitAtEveryOffset(String name, byte[] input, ProxyHeader expected) throws Exception {
        int total = input.length + HTTP.length;
        for (int split = 0; split <= total; split++) {
            assertValid(input, expected, List.of(split, total - split));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeaders")
    void rejectsInvalidHeadersWhole(String name, byte[] input, String problem) {
        assertInvalid(input, problem, List.of(input.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeaders")
    void rejectsInvalidHeadersOneByteAtATime(String name, byte[] input, String problem) {
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < input.length; i++) {
            ones.add(1);
        }
        assertInvalid(input, problem, ones);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeaders")
    void rejectsInvalidHeadersSplitAtEveryOffset(String name, byte[] input, String problem) {
        for (int split = 0; split <= input.length; split++) {
            assertInvalid(input, problem, List.of(split, input.length - split));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void waitsForMoreBytesWhenTruncated(String name, byte[] input, ProxyHeader expected) throws Exception {
        for (int cut = 0; cut < input.length; cut++) {
            ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();
            ByteBuffer buffer = ByteBuffer.wrap(input, 0, cut);
            assertNull(decoder.feed(buffer), "cut at " + cut);
            assertEquals(0, buffer.remaining(), "consumes what it got, cut at " + cut);
        }
    }

    @Test
    void failureRepeatsAndDoneRefusesMore() throws Exception {
        ProxyProtocolDecoder broken = new ProxyProtocolDecoder();
        ProxyProtocolException first = assertThrows(ProxyProtocolException.class,
            () -> broken.feed(ByteBuffer.wrap(ascii("X"))));
        assertSame(first, assertThrows(ProxyProtocolException.class,
            () -> broken.feed(ByteBuffer.wrap(ascii("PROXY UNKNOWN\r\n")))));

        ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();
        decoder.feed(ByteBuffer.wrap(ascii("PROXY UNKNOWN\r\n")));
        assertTrue(decoder.isDone());
        assertThrows(IllegalStateException.class, () -> decoder.feed(ByteBuffer.wrap(HTTP)));
    }

    @Test
    void tlvLookupAndText() throws Exception {
        ProxyHeader header = new ProxyProtocolDecoder().feed(ByteBuffer.wrap(v2(0x21, 0x11, concat(
            new byte[12], tlv(ProxyTlv.AUTHORITY, ascii("example.com")), tlv(ProxyTlv.AUTHORITY, ascii("other"))))));
        assertEquals("example.com", header.tlv(ProxyTlv.AUTHORITY).orElseThrow().text());
        assertTrue(header.tlv(ProxyTlv.ALPN).isEmpty());
        assertTrue(header.hasAddresses());
        assertEquals("ProxyTlv[type=0x02, value=6f74686572]", header.tlvs().get(1).toString());
    }

    private static void assertValid(byte[] input, ProxyHeader expected, List<Integer> pieces) throws Exception {
        byte[] all = concat(input, HTTP);
        ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();
        ProxyHeader header = null;
        int offset = 0;
        ByteArrayOutputStream left = new ByteArrayOutputStream();
        for (int piece : pieces) {
            ByteBuffer buffer = ByteBuffer.wrap(all, offset, piece);
            offset += piece;
            if (header == null) {
                header = decoder.feed(buffer);
            }
            left.write(all, buffer.position(), buffer.remaining());
        }
        assertEquals(expected, header, "pieces " + pieces);
        assertArrayEquals(HTTP, left.toByteArray(), "bytes after the header stay unread, pieces " + pieces);
        assertEquals(expected.hasAddresses(), header.sourceAddress() != null);
    }

    private static void assertInvalid(byte[] input, String problem, List<Integer> pieces) {
        ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();
        int offset = 0;
        try {
            for (int piece : pieces) {
                ProxyHeader header = decoder.feed(ByteBuffer.wrap(input, offset, piece));
                offset += piece;
                if (header != null) {
                    fail("decoded " + header + " from an invalid header, pieces " + pieces);
                }
            }
            fail("no error for an invalid header, pieces " + pieces);
        } catch (ProxyProtocolException e) {
            assertTrue(e.getMessage().contains(problem), e.getMessage() + " should contain " + problem);
            assertTrue(e.getMessage().startsWith("PROXY v") || e.getMessage().startsWith("not a PROXY"), e.getMessage());
        }
    }

    private static Arguments valid(String name, byte[] input, ProxyHeader expected) {
        return Arguments.of(name, input, expected);
    }

    private static Arguments invalid(String name, byte[] input, String problem) {
        return Arguments.of(name, input, problem);
    }

    private static ProxyHeader unknown(int version, ProxyHeader.Command command) {
        return new ProxyHeader(version, command, ProxyHeader.Family.UNSPEC, ProxyHeader.Transport.UNSPEC,
            null, -1, null, -1, List.of());
    }

    static byte[] v2(int versionCommand, int familyTransport, byte[] block) {
        byte[] head = concat(ProxyProtocolDecoder.V2_SIGNATURE,
            bytes(versionCommand, familyTransport, block.length >> 8, block.length & 0xFF));
        return concat(head, block);
    }

    private static byte[] withCrc(byte[] addresses) {
        return v2(0x21, 0x11, concat(addresses, tlv(ProxyTlv.CRC32C, crcOf(addresses))));
    }

    private static byte[] crcOf(byte[] addresses) {
        CRC32C crc = new CRC32C();
        crc.update(v2(0x21, 0x11, concat(addresses, tlv(ProxyTlv.CRC32C, new byte[4]))));
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] ipv6Block() {
        byte[] block = new byte[36];
        block[0] = 0x20;
        block[1] = 0x01;
        block[2] = 0x0d;
        block[3] = (byte) 0xb8;
        block[15] = 1;
        block[31] = 1;
        block[32] = (byte) 0x9C;
        block[33] = 0x40;
        block[34] = 0x1F;
        block[35] = (byte) 0x90;
        return block;
    }

    private static byte[] unixPath(String path) {
        byte[] raw = new byte[108];
        byte[] text = ascii(path);
        System.arraycopy(text, 0, raw, 0, text.length);
        return raw;
    }

    private static byte[] tlv(int type, byte[] value) {
        return concat(bytes(type, value.length >> 8, value.length & 0xFF), value);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
