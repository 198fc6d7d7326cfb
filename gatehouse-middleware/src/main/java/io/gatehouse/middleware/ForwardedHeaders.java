package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.StartResponse;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Believes a reverse proxy's forwarding headers, but only when the request comes from a trusted
 * proxy: Gunicorn's {@code --forwarded-allow-ips}, as middleware.
 *
 * <p>When {@code REMOTE_ADDR} is in the {@link TrustedProxies} (or absent or empty, which is how a
 * server reports a Unix domain socket peer: only local processes allowed by the socket file's
 * permissions can connect, so it is trusted as Gunicorn does), the client's hop is read from RFC
 * 7239 {@code Forwarded} if present and well-formed, otherwise from {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port}; see {@link ForwardedHop} for which hop counts
 * when several proxies appended to the list (the right-most that is not a trusted proxy). Then:
 *
 * <ul>
 *   <li>{@code for} an IP address sets {@code REMOTE_ADDR}, and {@code REMOTE_PORT} to its port or
 *       removes it when no port came; {@code unknown} or an obfuscated {@code _name} leaves both
 *       alone. The value as sent is kept under {@link #FORWARDED_FOR} either way.</li>
 *   <li>{@code proto} {@code http} or {@code https} sets {@code gateway.url_scheme}.</li>
 *   <li>{@code host} sets {@code HTTP_HOST}, {@code SERVER_NAME} and {@code SERVER_PORT} (its
 *       port, else X-Forwarded-Port, else 443 or 80 by scheme). X-Forwarded-Port alone sets
 *       {@code SERVER_PORT} only.</li>
 * </ul>
 *
 * <p>Nothing is rejected: a value that does not parse is ignored and its key keeps the server's
 * value. When anything changed, the server's values are kept under the {@code ORIGINAL_*} keys.
 * From an untrusted peer the headers are ignored and the environ is not touched: anyone can send
 * them, and believing them would let a client choose its own address.
 *
 * {@snippet :
 * Application app = ForwardedHeaders.wrap(site, TrustedProxies.parse("127.0.0.1,::1,10.0.0.0/8"));
 * }
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ForwardedHeaders implements Application {

    /** The client's {@code for} value as the proxy sent it (also when it is not an address). */
    public static final String FORWARDED_FOR = "gatehouse.forwarded.for";
    /** {@code REMOTE_ADDR} as the server set it: the proxy's address. */
    public static final String ORIGINAL_REMOTE_ADDR = "gatehouse.forwarded.original_remote_addr";
    /** {@code REMOTE_PORT} as the server set it, when it had one. */
    public static final String ORIGINAL_REMOTE_PORT = "gatehouse.forwarded.original_remote_port";
    /** {@code gateway.url_scheme} as the server set it. */
    public static final String ORIGINAL_URL_SCHEME = "gatehouse.forwarded.original_url_scheme";
    /** {@code HTTP_HOST} as the server set it, when the request had one. */
    public static final String ORIGINAL_HTTP_HOST = "gatehouse.forwarded.original_http_host";
    /** {@code SERVER_NAME} as the server set it. */
    public static final String ORIGINAL_SERVER_NAME = "gatehouse.forwarded.original_server_name";
    /** {@code SERVER_PORT} as the server set it. */
    public static final String ORIGINAL_SERVER_PORT = "gatehouse.forwarded.original_server_port";

    // RFC 9110, 7.2: uri-host [ ":" port ], narrowed to names, IPv4 and bracketed IPv6.
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~-]{1,253})(?::([0-9]{1,5}))?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final Application application;
    private final TrustedProxies trusted;

    private ForwardedHeaders(Application application, TrustedProxies trusted) {
        this.application = Objects.requireNonNull(application, "application");
        this.trusted = Objects.requireNonNull(trusted, "trusted");
    }

    /**
     * Trusts a proxy on the same machine: {@value TrustedProxies#DEFAULT}.
     *
     * @param application the application to call
     * @return the middleware
     */
    public static ForwardedHeaders wrap(Application application) {
        return new ForwardedHeaders(application, TrustedProxies.loopback());
    }

    /**
     * @param application the application to call
     * @param trusted     the proxies whose headers are believed
     * @return the middleware
     */
    public static ForwardedHeaders wrap(Application application, TrustedProxies trusted) {
        return new ForwardedHeaders(application, trusted);
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        String peer = environ.remoteAddr();
        if (peer == null || peer.isEmpty() || trusted.contains(peer)) {
            ForwardedHop hop = ForwardedHop.fromForwarded(environ.header("Forwarded"), trusted);
            if (hop == null) {
                hop = ForwardedHop.fromXForwarded(environ, trusted);
            }
            if (hop != null) {
                apply(environ, hop);
            }
        }
        return application.call(environ, startResponse);
    }

    private static void apply(Environ environ, ForwardedHop hop) {
        Environ before = environ.copy();
        if (hop.forValue() != null) {
            environ.put(FORWARDED_FOR, hop.forValue());
        }
        if (hop.client() != null && hop.client().address() != null) {
            environ.put(Environ.REMOTE_ADDR, hop.client().address());
            if (hop.client().port() >= 0) {
                environ.put(Environ.REMOTE_PORT, Integer.toString(hop.client().port()));
            } else {
                environ.remove(Environ.REMOTE_PORT);
            }
        }
        String proto = hop.proto() == null ? "" : hop.proto().toLowerCase(Locale.ROOT);
        if (proto.equals("http") || proto.equals("https")) {
            environ.put(Environ.GATEWAY_URL_SCHEME, proto);
        }
        String port = validPort(hop.port());
        Matcher host = hop.host() == null ? null : HOST.matcher(hop.host());
        if (host != null && host.matches() && validHostName(host.group(1))
            && (host.group(2) == null || validPort(host.group(2)) != null)) {
            environ.put(Environ.headerKey("Host"), hop.host());
            environ.put(Environ.SERVER_NAME, host.group(1));
            String serverPort = host.group(2) != null ? validPort(host.group(2))
                : port != null ? port
                : environ.urlScheme().equals("https") ? "443" : "80";
            environ.put(Environ.SERVER_PORT, serverPort);
        } else if (port != null) {
            environ.put(Environ.SERVER_PORT, port);
        }
        keepOriginals(before, environ);
    }

    private static boolean validHostName(String name) {
        return !name.startsWith("[") || IpAddress.parse(name.substring(1, name.length() - 1)) != null;
    }

    private static String validPort(String port) {
        if (port == null || !PORT.matcher(port).matches()) {
            return null;
        }
        int value = Integer.parseInt(port);
        return value <= 65535 ? Integer.toString(value) : null;
    }

    private static void keepOriginals(Environ before, Environ after) {
        String[][] pairs = {
            {Environ.REMOTE_ADDR, ORIGINAL_REMOTE_ADDR},
            {Environ.REMOTE_PORT, ORIGINAL_REMOTE_PORT},
            {Environ.GATEWAY_URL_SCHEME, ORIGINAL_URL_SCHEME},
            {Environ.headerKey("Host"), ORIGINAL_HTTP_HOST},
            {Environ.SERVER_NAME, ORIGINAL_SERVER_NAME},
            {Environ.SERVER_PORT, ORIGINAL_SERVER_PORT},
        };
        boolean changed = false;
        for (String[] pair : pairs) {
            changed |= !Objects.equals(before.get(pair[0]), after.get(pair[0]));
        }
        if (!changed) {
            return;
        }
        for (String[] pair : pairs) {
            Object original = before.get(pair[0]);
            if (original != null) {
                after.put(pair[1], original);
            }
        }
    }
}
