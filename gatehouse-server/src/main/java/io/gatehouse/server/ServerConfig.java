package io.gatehouse.server;

import io.gatehouse.http.Limits;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server needs to know, fixed at construction: an immutable record.
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.defaults()
 *     .withBinds(List.of(new InetSocketAddress("127.0.0.1", 8000)));
 * }
 *
 * @param binds            the addresses to listen on: {@link InetSocketAddress} (port 0 picks a free
 *                         port) or {@link java.net.UnixDomainSocketAddress}
 * @param backlog          the listen queue length
 * @param limits           request size limits
 * @param headerTimeout    time allowed for a whole request head to arrive (slow-loris guard)
 * @param bodyTimeout      time allowed between two reads of a request body
 * @param writeTimeout     time allowed for one write of the response to make progress
 * @param keepAliveTimeout how long an idle persistent connection is kept open
 * @param gracefulTimeout  how long a graceful stop waits for in-flight requests
 * @param serverSoftware   the value of the Server header and SERVER_SOFTWARE
 * @param errorLog         where errors and application stack traces go ({@code gateway.errors})
 * @param proxyProtocol    whether connections open with a PROXY protocol header, and from whom
 * @param tls              TLS on every address, or {@code null} for plain HTTP
 * @param connectionThreads which threads serve connections (a virtual thread each, or a bounded pool)
 * @param logLevel         the least severe of Gatehouse's own error-log lines that is written; what the
 *                         application writes to {@code gateway.errors} is never filtered
 */
public record ServerConfig(List<SocketAddress> binds, int backlog, Limits limits,
                           Duration headerTimeout, Duration bodyTimeout, Duration writeTimeout,
                           Duration keepAliveTimeout, Duration gracefulTimeout,
                           String serverSoftware, PrintStream errorLog, ProxyProtocol proxyProtocol,
                           TlsConfig tls, ConnectionThreads connectionThreads, LogLevel logLevel) {

    /** The port the server listens on when told nothing else. */
    public static final int DEFAULT_PORT = 8000;

    /** Checks every value once, so that running code never meets a bad one. */
    public ServerConfig {
        binds = List.copyOf(binds);
        if (binds.isEmpty()) {
            throw new IllegalArgumentException("at least one bind address is needed");
        }
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be greater than 0, got " + backlog);
        }
        Objects.requireNonNull(limits, "limits");
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
        positive("writeTimeout", writeTimeout);
        positive("keepAliveTimeout", keepAliveTimeout);
        Objects.requireNonNull(gracefulTimeout, "gracefulTimeout");
        if (gracefulTimeout.isNegative()) {
            throw new IllegalArgumentException("gracefulTimeout must not be negative, got " + gracefulTimeout);
        }
        Objects.requireNonNull(serverSoftware, "serverSoftware");
        Objects.requireNonNull(errorLog, "errorLog");
        Objects.requireNonNull(proxyProtocol, "proxyProtocol");
        Objects.requireNonNull(connectionThreads, "connectionThreads");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /**
     * @return 127.0.0.1:8000, default limits, 10 s head, 30 s body and write, 5 s keep-alive, 30 s grace,
     *     log level info
     */
    public static ServerConfig defaults() {
        return new ServerConfig(List.of(new InetSocketAddress("127.0.0.1", DEFAULT_PORT)), 2048, Limits.DEFAULTS,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(30), "Gatehouse/0.1", System.err, ProxyProtocol.OFF, null,
            ConnectionThreads.VIRTUAL, LogLevel.INFO);
    }

    /** @param newBinds the addresses to listen on @return a copy with those binds */
    public ServerConfig withBinds(List<? extends SocketAddress> newBinds) {
        return new ServerConfig(List.copyOf(newBinds), backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, tls, connectionThreads,
            logLevel);
    }

    /** @param newLimits the request limits @return a copy with those limits */
    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(binds, backlog, newLimits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, tls, connectionThreads,
            logLevel);
    }

    /**
     * @param head      head timeout
     * @param body      body read timeout
     * @param write     write timeout
     * @param keepAlive idle keep-alive timeout
     * @return a copy with those timeouts
     */
    public ServerConfig withTimeouts(Duration head, Duration body, Duration write, Duration keepAlive) {
        return new ServerConfig(binds, backlog, limits, head, body, write, keepAlive, gracefulTimeout,
            serverSoftware, errorLog, proxyProtocol, tls, connectionThreads, logLevel);
    }

    /** @param grace how long a graceful stop waits @return a copy with that grace period */
    public ServerConfig withGracefulTimeout(Duration grace) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, grace, serverSoftware, errorLog, proxyProtocol, tls, connectionThreads, logLevel);
    }

    /** @param log where errors go @return a copy logging there */
    public ServerConfig withErrorLog(PrintStream log) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, log, proxyProtocol, tls, connectionThreads, logLevel);
    }

    /** @param policy whether and from whom a PROXY protocol header is read @return a copy with it */
    public ServerConfig withProxyProtocol(ProxyProtocol policy) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, policy, tls, connectionThreads, logLevel);
    }

    /** @param queue the listen queue length @return a copy with that backlog */
    public ServerConfig withBacklog(int queue) {
        return new ServerConfig(binds, queue, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, tls, connectionThreads,
            logLevel);
    }

    /** @param newTls TLS for every address, or null for plain HTTP @return a copy with that TLS */
    public ServerConfig withTls(TlsConfig newTls) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, newTls, connectionThreads,
            logLevel);
    }

    /** @param threads which threads serve connections @return a copy using them */
    public ServerConfig withConnectionThreads(ConnectionThreads threads) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, tls, threads, logLevel);
    }

    /** @param level the least severe of Gatehouse's own lines to write @return a copy logging from there */
    public ServerConfig withLogLevel(LogLevel level) {
        return new ServerConfig(binds, backlog, limits, headerTimeout, bodyTimeout, writeTimeout,
            keepAliveTimeout, gracefulTimeout, serverSoftware, errorLog, proxyProtocol, tls, connectionThreads, level);
    }

    /**
     * Writes one of Gatehouse's own lines to the error log, {@code gatehouse: } first, when the level
     * lets it through. Callers building a costly message check {@link LogLevel#allows} first.
     *
     * @param level   how severe the line is
     * @param message the line, without the prefix
     */
    public void log(LogLevel level, String message) {
        if (logLevel.allows(level)) {
            errorLog.println("gatehouse: " + message);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be greater than 0, got " + value);
        }
    }
}
