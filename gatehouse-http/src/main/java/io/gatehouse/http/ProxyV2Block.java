package io.gatehouse.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The binary part of a PROXY protocol v2 header (spec, 2.2): the version and command byte, the
 * family and transport byte, the length, then addresses and TLVs inside the length.
 */
final class ProxyV2Block {

    private static final int INET_BLOCK = 12;
    private static final int INET6_BLOCK = 36;
    private static final int UNIX_BLOCK = 216;
    private static final int UNIX_PATH = 108;
    private static final int HEAD = 16;

    private ProxyV2Block() {
    }

    // Spec 2.2, byte 13: the high nibble is the version and must be 2; the low nibble is the
    // command, 0 (LOCAL) or 1 (PROXY); other commands must be refused.
    static void checkVersionAndCommand(byte b) throws ProxyProtocolException {
        int version = (b >> 4) & 0x0F;
        int command = b & 0x0F;
        if (version != 2) {
            throw new ProxyProtocolException(String.format("PROXY v2: version nibble is 0x%x, expected 0x2", version));
        }
        if (command > 1) {
            throw new ProxyProtocolException(String.format(
                "PROXY v2: command nibble is 0x%x, expected 0x0 (LOCAL) or 0x1 (PROXY)", command));
        }
    }

    // Spec 2.2, byte 14 and the length: for PROXY the length must hold the family's addresses.
    // LOCAL ignores the family altogether, so it is not checked there.
    static void checkLength(byte[] head, int length) throws ProxyProtocolException {
        if (isLocal(head)) {
            return;
        }
        int needed = addressBlock(family(head[13]));
        transport(head[13]);
        if (length < needed) {
            throw new ProxyProtocolException("PROXY v2: length " + length + " is shorter than the " + needed
                + " bytes of " + family(head[13]) + " addresses");
        }
    }

    static ProxyHeader decode(byte[] head, byte[] block) throws ProxyProtocolException {
        // Spec 2.2: LOCAL must be accepted and its whole block, family included, discarded.
        if (isLocal(head)) {
            return new ProxyHeader(2, ProxyHeader.Command.LOCAL, ProxyHeader.Family.UNSPEC,
                ProxyHeader.Transport.UNSPEC, null, -1, null, -1, List.of());
        }
        ProxyHeader.Family family = family(head[13]);
        ProxyHeader.Transport transport = transport(head[13]);
        ByteBuffer in = ByteBuffer.wrap(block);
        String source = null;
        String destination = null;
        int sourcePort = -1;
        int destinationPort = -1;
        switch (family) {
            case INET, INET6 -> {
                int size = family == ProxyHeader.Family.INET ? 4 : 16;
                source = ip(in, size);
                destination = ip(in, size);
                sourcePort = in.getShort() & 0xFFFF;
                destinationPort = in.getShort() & 0xFFFF;
            }
            case UNIX -> {
                source = unixPath(in);
                destination = unixPath(in);
            }
            case UNSPEC -> {
            }
        }
        List<ProxyTlv> tlvs = tlvs(in);
        verifyChecksum(head, block, tlvs);
        return new ProxyHeader(2, ProxyHeader.Command.PROXY, family, transport,
            source, sourcePort, destination, destinationPort, tlvs);
    }

    private static boolean isLocal(byte[] head) {
        return (head[12] & 0x0F) == 0;
    }

    private static ProxyHeader.Family family(byte b) throws ProxyProtocolException {
        int nibble = (b >> 4) & 0x0F;
        if (nibble >= ProxyHeader.Family.values().length) {
            throw new ProxyProtocolException(String.format(
                "PROXY v2: address family nibble is 0x%x, expected 0x0 to 0x3", nibble));
        }
        return ProxyHeader.Family.values()[nibble];
    }

    private static ProxyHeader.Transport transport(byte b) throws ProxyProtocolException {
        int nibble = b & 0x0F;
        if (nibble >= ProxyHeader.Transport.values().length) {
            throw new ProxyProtocolException(String.format(
                "PROXY v2: transport nibble is 0x%x, expected 0x0 to 0x2", nibble));
        }
        return ProxyHeader.Transport.values()[nibble];
    }

    private static int addressBlock(ProxyHeader.Family family) {
        return switch (family) {
            case UNSPEC -> 0;
            case INET -> INET_BLOCK;
            case INET6 -> INET6_BLOCK;
            case UNIX -> UNIX_BLOCK;
        };
    }

    private static String ip(ByteBuffer in, int size) {
        byte[] raw = new byte[size];
        in.get(raw);
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    // Spec 2.2: a Unix path is 108 bytes, ending at the first NUL.
    private static String unixPath(ByteBuffer in) {
        byte[] raw = new byte[UNIX_PATH];
        in.get(raw);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    // Spec 2.2.1: type (1 byte), length (2 bytes, big-endian), value; every TLV must fit.
    private static List<ProxyTlv> tlvs(ByteBuffer in) throws ProxyProtocolException {
        List<ProxyTlv> tlvs = new ArrayList<>();
        while (in.hasRemaining()) {
            int offset = HEAD + in.position();
            if (in.remaining() < 3) {
                throw new ProxyProtocolException("PROXY v2: TLV at byte " + offset + " is truncated: "
                    + in.remaining() + " bytes left, a TLV needs at least 3");
            }
            int type = in.get() & 0xFF;
            int length = in.getShort() & 0xFFFF;
            if (length > in.remaining()) {
                throw new ProxyProtocolException(String.format(
                    "PROXY v2: TLV 0x%02x at byte %d declares %d bytes but only %d are left",
                    type, offset, length, in.remaining()));
            }
            byte[] value = new byte[length];
            in.get(value);
            tlvs.add(new ProxyTlv(type, value));
        }
        return tlvs;
    }

    // Spec 2.2.4: CRC32C of the whole header with the checksum field zeroed, big-endian.
    private static void verifyChecksum(byte[] head, byte[] block, List<ProxyTlv> tlvs) throws ProxyProtocolException {
        int found = 0;
        ProxyTlv crc = null;
        for (ProxyTlv tlv : tlvs) {
            if (tlv.type() == ProxyTlv.CRC32C) {
                crc = tlv;
                found++;
            }
        }
        if (crc == null) {
            return;
        }
        if (found > 1 || crc.value().length != 4) {
            throw new ProxyProtocolException("PROXY v2: the CRC32C TLV must appear once with 4 bytes");
        }
        int offset = crcOffset(block, head);
        byte[] zeroed = Arrays.copyOf(block, block.length);
        Arrays.fill(zeroed, offset, offset + 4, (byte) 0);
        CRC32C checksum = new CRC32C();
        checksum.update(head);
        checksum.update(zeroed);
        long expected = ByteBuffer.wrap(crc.value()).getInt() & 0xFFFFFFFFL;
        if (checksum.getValue() != expected) {
            throw new ProxyProtocolException(String.format(
                "PROXY v2: CRC32C is 0x%08x but the header hashes to 0x%08x", expected, checksum.getValue()));
        }
    }

    private static int crcOffset(byte[] block, byte[] head) throws ProxyProtocolException {
        int position = addressBlock(family(head[13]));
        while (position + 3 <= block.length) {
            int type = block[position] & 0xFF;
            int length = ((block[position + 1] & 0xFF) << 8) | (block[position + 2] & 0xFF);
            if (type == ProxyTlv.CRC32C) {
                return position + 3;
            }
            position += 3 + length;
        }
        throw new IllegalStateException("CRC32C TLV was decoded but not found again");
    }
}
