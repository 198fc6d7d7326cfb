package io.gatehouse.server;

import io.gatehouse.http.ProxyHeader;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * What the environ needs to know about a connection, computed once when it is accepted (and once
 * more when a PROXY protocol header names the real client).
 *
 * @param remoteAddr     the peer's address as text; empty for a Unix domain socket peer
 * @param remotePort     the peer's port, or {@code null} when it has none (Unix domain socket)
 * @param localAddr      the local address as text (SERVER_NAME when there is no Host)
 * @param localPort      the local port
 * @param urlScheme      gateway.url_scheme: {@code http}, or {@code https} over TLS
 * @param serverSoftware SERVER_SOFTWARE
 * @param errorLog       gateway.errors
 */
record ConnectionInfo(String remoteAddr, String remotePort, String localAddr, String localPort, String urlScheme,
                      String serverSoftware, PrintStream errorLog) {

    /** SERVER_NAME without a Host on a Unix socket, which has no address (the port is the scheme's). */
    static final String UNIX_SERVER_NAME = "localhost";

    /**
     * @param channel an accepted TCP or Unix domain socket connection
     * @param config  the server's settings
     * @return the connection's addresses as the environ shows them
     */
    static ConnectionInfo of(SocketChannel channel, ServerConfig config) throws IOException {
        String scheme = config.tls() == null ? "http" : "https";
        if (channel.getRemoteAddress() instanceof InetSocketAddress remote
                && channel.getLocalAddress() instanceof InetSocketAddress local) {
            return new ConnectionInfo(AddressText.of(remote.getAddress()), Integer.toString(remote.getPort()),
                AddressText.of(local.getAddress()), Integer.toString(local.getPort()), scheme,
                config.serverSoftware(), config.errorLog());
        }
        // A Unix socket peer has no address: REMOTE_ADDR is empty and REMOTE_PORT absent, which is
        // also how ForwardedHeaders recognises a local peer it may trust (docs/deploy.md).
        return new ConnectionInfo("", null, UNIX_SERVER_NAME, config.tls() == null ? "80" : "443", scheme,
            config.serverSoftware(), config.errorLog());
    }

    /**
     * @param header a decoded PROXY header with IP addresses
     * @return a copy with the client as the remote end and the address it reached as the local end
     */
    ConnectionInfo relayedBy(ProxyHeader header) {
        return new ConnectionInfo(canonical(header.sourceAddress()), Integer.toString(header.sourcePort()),
            canonical(header.destinationAddress()), Integer.toString(header.destinationPort()), urlScheme,
            serverSoftware, errorLog);
    }

    /** The decoder writes IPv6 the JDK's way; REMOTE_ADDR wants RFC 5952 ({@code ::1}). */
    private static String canonical(String ipLiteral) {
        return AddressText.of(InetAddress.ofLiteral(ipLiteral));
    }
}
