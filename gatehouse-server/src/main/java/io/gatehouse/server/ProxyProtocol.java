package io.gatehouse.server;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether connections start with a PROXY protocol header (HAProxy's spec, versions 1 and 2), and
 * from which peers it is read: Gunicorn's {@code --proxy-protocol} with the trusted list of
 * {@code --forwarded-allow-ips}.
 *
 * <p>When enabled, a connection from a trusted peer must open with a valid header, whose source
 * address and port then become {@code REMOTE_ADDR} and {@code REMOTE_PORT} (and whose destination
 * the local address); a connection from a trusted peer without one, or with a malformed one, is
 * closed with an error-log line. From any other peer no header is read: its bytes are HTTP, so a
 * client that can reach the port directly cannot claim another address.
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.defaults()
 *     .withProxyProtocol(ProxyProtocol.from(peer -> peer.equals("127.0.0.1") || peer.isEmpty()));
 * }
 *
 * @param enabled whether headers are read at all
 * @param trusted given a peer's address as {@code REMOTE_ADDR} text ({@code "127.0.0.1"},
 *                {@code "::1"}; empty for a Unix socket peer), whether its connections carry a header
 */
public record ProxyProtocol(boolean enabled, Predicate<String> trusted) {

    /** No PROXY protocol: every connection starts with HTTP. */
    public static final ProxyProtocol OFF = new ProxyProtocol(false, peer -> false);

    /** Checks the parts. */
    public ProxyProtocol {
        Objects.requireNonNull(trusted, "trusted");
    }

    /**
     * @param trusted the peers whose connections start with a header
     * @return the PROXY protocol on, for those peers
     */
    public static ProxyProtocol from(Predicate<String> trusted) {
        return new ProxyProtocol(true, trusted);
    }

    /** @param peer the peer's address as REMOTE_ADDR text @return whether its connection opens with a header */
    boolean expectedFrom(String peer) {
        return enabled && trusted.test(peer);
    }
}
