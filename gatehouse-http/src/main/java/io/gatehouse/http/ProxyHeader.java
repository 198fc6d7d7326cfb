package io.gatehouse.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PROXY protocol header (HAProxy's "The PROXY protocol", versions 1 and 2) says about the
 * connection: who the real client is and which address it connected to.
 *
 * <p>The addresses are only meaningful when {@link #hasAddresses()} is true: a v2 {@code LOCAL}
 * header (a health check from the proxy itself), a v1 {@code UNKNOWN} header and a v2 header with
 * family {@code UNSPEC} carry none, and the server keeps the socket's own addresses (spec, 2.1 and
 * 2.2). IP addresses are in the JDK's textual form ({@code "192.0.2.1"}, {@code "2001:db8:0:0:0:0:0:1"});
 * a Unix socket address is its path.
 *
 * {@snippet :
 * ProxyHeader header = decoder.feed(buffer);
 * if (header != null && header.hasAddresses()) {
 *     environ.put(Environ.REMOTE_ADDR, header.sourceAddress());
 *     environ.put(Environ.REMOTE_PORT, Integer.toString(header.sourcePort()));
 * }
 * }
 *
 * @param version            1 (text) or 2 (binary)
 * @param command            {@link Command#PROXY} for a relayed connection, {@link Command#LOCAL} for
 *                           one the proxy made itself; always {@code PROXY} in version 1
 * @param family             the address family; {@link Family#UNSPEC} for v1 {@code UNKNOWN}
 * @param transport          the transport; {@link Transport#STREAM} for v1 {@code TCP4}/{@code TCP6}
 * @param sourceAddress      the client's address, or {@code null} without addresses
 * @param sourcePort         the client's port, or {@code -1} without one (Unix sockets)
 * @param destinationAddress the address the client connected to, or {@code null}
 * @param destinationPort    the port the client connected to, or {@code -1}
 * @param tlvs               the v2 type-length-value extensions in order; empty for v1
 */
public record ProxyHeader(int version, Command command, Family family, Transport transport,
                          String sourceAddress, int sourcePort, String destinationAddress, int destinationPort,
                          List<ProxyTlv> tlvs) {

    /** The v2 command (low nibble of byte 13; spec, 2.2). */
    public enum Command {
        /** The proxy opened the connection itself (health check): use the socket's addresses. */
        LOCAL,
        /** The connection was relayed for a client: the header's addresses are the real ones. */
        PROXY
    }

    /** The address family (high nibble of byte 14; v1 protocol token). */
    public enum Family {
        /** Unknown or unsupported; no addresses. v1 {@code UNKNOWN}. */
        UNSPEC,
        /** IPv4; v1 {@code TCP4}. */
        INET,
        /** IPv6; v1 {@code TCP6}. */
        INET6,
        /** Unix domain socket paths, no ports. */
        UNIX
    }

    /** The transport protocol (low nibble of byte 14). */
    public enum Transport {
        /** Unknown or unsupported. */
        UNSPEC,
        /** A stream: TCP, or a stream Unix socket. */
        STREAM,
        /** Datagrams: UDP, or a datagram Unix socket. */
        DGRAM
    }

    /** Checks the parts that must be present and copies the TLV list. */
    public ProxyHeader {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(transport, "transport");
        tlvs = List.copyOf(tlvs);
    }

    /**
     * Whether the header names the real client: a {@code PROXY} command with a known family.
     *
     * @return {@code true} when {@link #sourceAddress()} and friends are set
     */
    public boolean hasAddresses() {
        return sourceAddress != null;
    }

    /**
     * The first TLV of the given type, such as {@link ProxyTlv#AUTHORITY}.
     *
     * @param type the TLV type byte, 0 to 255
     * @return the TLV, or empty when the header has none of that type
     */
    public Optional<ProxyTlv> tlv(int type) {
        return tlvs.stream().filter(tlv -> tlv.type() == type).findFirst();
    }
}
