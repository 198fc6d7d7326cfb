package io.gatehouse.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * Opens a listening socket for one bind address: TCP over IPv4 or IPv6 ({@link InetSocketAddress})
 * or a Unix domain socket ({@link UnixDomainSocketAddress}, JDK 16+), and writes bind addresses as
 * text the way {@code --bind} takes them.
 *
 * {@snippet :
 * ServerSocketChannel tcp = ListenSocket.open(new InetSocketAddress("127.0.0.1", 0), 2048);
 * ServerSocketChannel unix = ListenSocket.open(UnixDomainSocketAddress.of("/run/gh/gh.sock"), 2048);
 * String text = ListenSocket.describe(unix.getLocalAddress());   // "unix:/run/gh/gh.sock"
 * }
 *
 * <p>A Unix socket file left behind by a process that died is removed before binding; one that a
 * live process still listens on is an error ({@link UnixSocketFile}).
 */
public final class ListenSocket {

    private ListenSocket() {
    }

    /**
     * Binds and listens.
     *
     * @param address an {@link InetSocketAddress} (port 0 picks a free port) or a
     *                {@link UnixDomainSocketAddress}
     * @param backlog the accept queue length
     * @return the listening channel, in blocking mode
     * @throws IOException naming the address when it cannot be bound
     */
    public static ServerSocketChannel open(SocketAddress address, int backlog) throws IOException {
        ServerSocketChannel channel;
        if (address instanceof UnixDomainSocketAddress unix) {
            UnixSocketFile.clearStale(unix.getPath());
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } else if (address instanceof InetSocketAddress) {
            channel = ServerSocketChannel.open();
            // Lets a restarted server bind while connections of the last one sit in TIME_WAIT.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        } else {
            throw new IOException("cannot bind " + address + ": not an IP or Unix socket address");
        }
        try {
            channel.bind(address, backlog);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind " + describe(address) + ": " + e.getMessage(), e);
        }
        return channel;
    }

    /**
     * @param address a bind address
     * @return {@code 127.0.0.1:8000}, {@code [::1]:8000} or {@code unix:/path}
     */
    public static String describe(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return "unix:" + unix.getPath();
        }
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() == null ? inet.getHostString() : AddressText.of(inet.getAddress());
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
