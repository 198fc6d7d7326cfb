package io.gatehouse.cli;

import io.gatehouse.appserver.InheritedSocketAddress;
import io.gatehouse.server.ListenSocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a {@code --bind} value: {@code HOST:PORT}, {@code [IPv6]:PORT}, {@code :PORT} or a bare
 * {@code PORT} (both of the latter on 127.0.0.1), {@code unix:PATH} (a Unix domain socket) or
 * {@code fd://N} (a listening socket inherited on descriptor N), and writes addresses back as URLs.
 *
 * {@snippet :
 * InetSocketAddress a = BindAddress.parse("[::1]:8000");
 * String url = BindAddress.url(a);                        // "http://[::1]:8000/"
 * SocketAddress u = BindAddress.parseAny("unix:/run/gh.sock");   // a UnixDomainSocketAddress
 * }
 */
public final class BindAddress {

    /** The host a value without one binds to: loopback, so nothing is exposed by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final String UNIX = "unix:";

    private BindAddress() {
    }

    /**
     * @param value the flag's value
     * @return the resolved address
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    public static InetSocketAddress parse(String value) {
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !value.startsWith(":", close + 1)) {
                throw new IllegalArgumentException("'" + value + "' is not [IPv6]:PORT, e.g. [::1]:8000");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') != colon) {
                throw new IllegalArgumentException("'" + value + "': write an IPv6 address in brackets, e.g. [::1]:8000");
            }
            host = colon < 0 ? "" : value.substring(0, colon);
            port = colon < 0 ? value : value.substring(colon + 1);
        }
        return new InetSocketAddress(resolve(host.isEmpty() ? DEFAULT_HOST : host, value), parsePort(port, value));
    }

    /** The longest Unix socket path, in bytes: sun_path is 108 bytes with the terminating NUL (unix(7)). */
    public static final int MAX_UNIX_PATH = 107;

    /**
     * @param value the flag's value: an IP bind, {@code unix:PATH} or {@code fd://N}
     * @return an {@link InetSocketAddress}, a {@link UnixDomainSocketAddress} (absolute path) or an
     *         {@link InheritedSocketAddress}
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    public static SocketAddress parseAny(String value) {
        if (value.startsWith(UNIX)) {
            String path = value.substring(UNIX.length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("'" + value + "' has no path, e.g. unix:/run/gatehouse/gatehouse.sock");
            }
            Path absolute = Path.of(path).toAbsolutePath().normalize();
            if (absolute.toString().getBytes(StandardCharsets.UTF_8).length > MAX_UNIX_PATH) {
                throw new IllegalArgumentException("'" + value + "': a Unix socket path is at most " + MAX_UNIX_PATH
                    + " bytes");
            }
            return UnixDomainSocketAddress.of(absolute);
        }
        if (value.startsWith(InheritedSocketAddress.SCHEME)) {
            return InheritedSocketAddress.parse(value);
        }
        return parse(value);
    }

    /** @param address a listening address of any kind @return an http URL, or {@code unix:PATH}, or {@code fd://N} */
    public static String url(SocketAddress address) {
        return url(address, "http");
    }

    /**
     * @param address a bound address
     * @param scheme  {@code http} or {@code https}
     * @return an IP address as a URL, a Unix socket as {@code unix:/path}
     */
    public static String url(SocketAddress address, String scheme) {
        return address instanceof InetSocketAddress inet ? url(inet, scheme) : ListenSocket.describe(address);
    }

    /** @param address a bound address @return it as an http URL, IPv6 in brackets */
    public static String url(InetSocketAddress address) {
        return url(address, "http");
    }

    /** @param address a bound address @param scheme {@code http} or {@code https} @return it as a URL */
    public static String url(InetSocketAddress address, String scheme) {
        return scheme + "://" + hostPort(address) + "/";
    }

    /** @param address an address @return {@code host:port}, an IPv6 host in brackets in RFC 5952 form */
    public static String hostPort(InetSocketAddress address) {
        return ListenSocket.describe(address);
    }

    private static int parsePort(String port, String value) {
        if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
            throw new IllegalArgumentException("'" + value + "' has no valid port (0-65535)");
        }
        int number = Integer.parseInt(port);
        if (number > 65535) {
            throw new IllegalArgumentException("'" + value + "' has no valid port (0-65535)");
        }
        return number;
    }

    private static InetAddress resolve(String host, String value) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "': unknown host '" + host + "'");
        }
    }
}
