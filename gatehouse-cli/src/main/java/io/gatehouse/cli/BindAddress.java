package io.gatehouse.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Reads a {@code --bind} value: {@code HOST:PORT}, {@code [IPv6]:PORT}, {@code :PORT} or a bare
 * {@code PORT} (both of the latter on 127.0.0.1), and writes addresses back as URLs.
 *
 * {@snippet :
 * InetSocketAddress a = BindAddress.parse("[::1]:8000");
 * String url = BindAddress.url(a);   // "http://[::1]:8000/"
 * }
 */
public final class BindAddress {

    /** The host a value without one binds to: loopback, so nothing is exposed by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";

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

    /** @param address a bound address @return it as an http URL, IPv6 in brackets */
    public static String url(InetSocketAddress address) {
        return url(address, "http");
    }

    /** @param address a bound address @param scheme {@code http} or {@code https} @return it as a URL */
    public static String url(InetSocketAddress address, String scheme) {
        return scheme + "://" + hostPort(address) + "/";
    }

    /** @param address an address @return {@code host:port}, an IPv6 host in brackets */
    public static String hostPort(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
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
