package io.gatehouse.server;

import io.gatehouse.http.ProxyHeader;
import io.gatehouse.http.ProxyProtocolDecoder;
import io.gatehouse.http.ProxyProtocolException;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * The step before a connection's first request when the PROXY protocol is on and the peer is a
 * trusted proxy ({@link ProxyProtocol}): read the header, and from it the real client's addresses.
 * The bytes after the header stay in the connection's read buffer for the request parser.
 *
 * <p>Spec (HAProxy's "The PROXY protocol", section 2): the receiver must not start the protocol
 * above before it has the whole header, and must close a connection whose header is missing or
 * invalid. The wait counts against the head timeout of the first request.
 *
 * {@snippet :
 * ConnectionInfo relayed = new ProxyPreface(connection, deadlineNanos).read(socketInfo);
 * if (relayed == null) { ... close ... }
 * }
 */
final class ProxyPreface {

    private final Connection connection;
    private final long deadlineNanos;
    private final ProxyProtocolDecoder decoder = new ProxyProtocolDecoder();

    /**
     * @param connection    the connection whose read buffer and reads are used
     * @param deadlineNanos when the whole first request head must have arrived ({@link System#nanoTime()})
     */
    ProxyPreface(Connection connection, long deadlineNanos) {
        this.connection = connection;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * @param socket the addresses of the socket, which belong to the proxy
     * @return the addresses to use from now on, or {@code null} when the connection must close
     *         (the reason is logged, except when the peer simply hung up)
     */
    ConnectionInfo read(ConnectionInfo socket) throws IOException {
        String peer = socket.remoteAddr().isEmpty() ? "a Unix socket peer" : socket.remoteAddr();
        try {
            ProxyHeader header = null;
            while (header == null) {
                if (!connection.readBuffer().hasRemaining()) {
                    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new SocketTimeoutException();
                    }
                    if (connection.fill(left) < 0) {
                        return null;   // the peer hung up
                    }
                }
                header = decoder.feed(connection.readBuffer());
            }
            // A v2 LOCAL header (the proxy's own health check), v1 UNKNOWN and non-IP families
            // (spec 2.1, 2.2) keep the socket's addresses.
            boolean ip = header.hasAddresses() && (header.family() == ProxyHeader.Family.INET
                || header.family() == ProxyHeader.Family.INET6);
            return ip ? socket.relayedBy(header) : socket;
        } catch (ProxyProtocolException e) {
            connection.log(LogLevel.WARNING, "closing a connection from " + peer
                + " without a valid PROXY protocol header: " + e.getMessage());
            return null;
        } catch (SocketTimeoutException e) {
            connection.log(LogLevel.WARNING, "closing a connection from " + peer
                + ": no PROXY protocol header in time");
            return null;
        }
    }
}
