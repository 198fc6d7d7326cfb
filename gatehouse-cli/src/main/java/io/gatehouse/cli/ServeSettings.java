package io.gatehouse.cli;

import io.gatehouse.appserver.ArbiterConfig;
import io.gatehouse.http.Limits;
import io.gatehouse.middleware.TrustedProxies;
import io.gatehouse.server.LogLevel;
import io.gatehouse.server.ProxyProtocol;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.server.TlsConfig;
import io.gatehouse.server.TlsConfig.ClientAuth;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The registry of {@code gatehouse serve} settings, and the step from their values to a
 * {@link ServerConfig}. Defaults are read from {@link ServerConfig#defaults()} and
 * {@link Limits#DEFAULTS}, so the server owns them and the help text follows.
 *
 * {@snippet :
 * for (Setting setting : ServeSettings.ALL) {
 *     System.out.println(setting.longFlag() + " " + setting.label());
 * }
 * }
 */
public final class ServeSettings {

    private static final ServerConfig DEFAULTS = ServerConfig.defaults();
    private static final ArbiterConfig MASTER_DEFAULTS = ArbiterConfig.defaults(ServeCommand.DEFAULT_APP);

    /** {@code --config}: the TOML config file. */
    public static final Setting CONFIG = Setting.single("config", "FILE", null, Path::of,
        "Read settings from this TOML file (keys are these flags without dashes, and app); "
            + "GATEHOUSE_ARGS and the command line override it. SIGHUP re-reads it.");

    /** {@code -b/--bind}: where to listen. */
    public static final Setting BIND = new Setting("bind", "-b", "HOST:PORT",
        BindAddress.hostPort((InetSocketAddress) DEFAULTS.binds().getFirst()), true, BindAddress::parseAny,
        "Listen on this address; repeat to listen on several: HOST:PORT (an IPv6 host in brackets), "
            + "PORT or :PORT (on " + BindAddress.DEFAULT_HOST + "; port 0 picks a free port), unix:PATH (a Unix "
            + "domain socket; a stale socket file is replaced) or fd://N (the listening socket inherited on "
            + "descriptor N). Sockets passed by systemd (LISTEN_FDS) replace every --bind.");

    /** {@code --forwarded-allow-ips}: whose forwarding headers and PROXY headers are believed. */
    public static final Setting FORWARDED_ALLOW_IPS = Setting.single("forwarded-allow-ips", "LIST",
        TrustedProxies.DEFAULT, TrustedProxies::parse,
        "Proxies whose X-Forwarded-For, -Proto, -Host, -Port and Forwarded headers are believed (and whose "
            + "PROXY protocol headers are read): IPv4 and IPv6 addresses and CIDR ranges, comma-separated; * "
            + "for every peer; empty for none. A Unix socket peer is always trusted.");

    /** {@code --proxy-protocol}: connections open with a PROXY protocol header. */
    public static final Setting PROXY_PROTOCOL = Setting.flag("proxy-protocol",
        "Read a PROXY protocol header (v1 or v2, told apart by its first byte) at the start of every "
            + "connection from a --forwarded-allow-ips peer, and take the client's address from it; such a "
            + "connection without a valid header is closed. Other peers' connections are plain HTTP.");

    /** {@code -c/--classpath}: where the application's classes are. */
    public static final Setting CLASSPATH = new Setting("classpath", "-c", "PATH", null, true,
        ServeSettings::existingPaths,
        "Load the application from these jars or class directories too; repeat, or join with ':'.");

    /** {@code --limit-request-line}: longest request line. */
    public static final Setting LIMIT_REQUEST_LINE = Setting.single("limit-request-line", "BYTES",
        String.valueOf(DEFAULTS.limits().maxRequestLine()), value -> positiveCount(value, Integer.MAX_VALUE),
        "Longest request line (method, target, version) accepted; longer gets 414.");

    /** {@code --limit-request-fields}: most header fields. */
    public static final Setting LIMIT_REQUEST_FIELDS = Setting.single("limit-request-fields", "COUNT",
        String.valueOf(DEFAULTS.limits().maxHeaderCount()), value -> positiveCount(value, Integer.MAX_VALUE),
        "Most header fields in one request; more gets 431.");

    /** {@code --limit-request-field-size}: longest header field. */
    public static final Setting LIMIT_REQUEST_FIELD_SIZE = Setting.single("limit-request-field-size", "BYTES",
        String.valueOf(DEFAULTS.limits().maxHeaderFieldSize()), value -> positiveCount(value, Integer.MAX_VALUE),
        "Longest single header field line accepted; longer gets 431.");

    /** {@code --limit-request-body}: largest body, 0 for none. */
    public static final Setting LIMIT_REQUEST_BODY = Setting.single("limit-request-body", "BYTES",
        bodyLimitText(DEFAULTS.limits().maxBodySize()), ServeSettings::bodyLimit,
        "Largest request body accepted; larger gets 413. 0 means no limit.");

    /** {@code --header-timeout}: slow-loris guard. */
    public static final Setting HEADER_TIMEOUT = Setting.single("header-timeout", "SECONDS",
        Seconds.format(DEFAULTS.headerTimeout()), Seconds::positive,
        "Time allowed for a whole request head to arrive (guards against slow clients).");

    /** {@code --body-timeout}: time between body reads. */
    public static final Setting BODY_TIMEOUT = Setting.single("body-timeout", "SECONDS",
        Seconds.format(DEFAULTS.bodyTimeout()), Seconds::positive,
        "Time allowed between two reads of a request body.");

    /** {@code --write-timeout}: time for a write to progress. */
    public static final Setting WRITE_TIMEOUT = Setting.single("write-timeout", "SECONDS",
        Seconds.format(DEFAULTS.writeTimeout()), Seconds::positive,
        "Time allowed for one write of the response to make progress.");

    /** {@code --keep-alive}: idle keep-alive connections. */
    public static final Setting KEEP_ALIVE = Setting.single("keep-alive", "SECONDS",
        Seconds.format(DEFAULTS.keepAliveTimeout()), Seconds::positive,
        "Close a persistent connection that stays idle this long.");

    /** {@code --graceful-timeout}: grace period on stop. */
    public static final Setting GRACEFUL_TIMEOUT = Setting.single("graceful-timeout", "SECONDS",
        Seconds.format(DEFAULTS.gracefulTimeout()), Seconds::notNegative,
        "On SIGTERM or SIGINT, stop accepting and give in-flight requests this long to finish.");

    /** {@code --backlog}: the kernel's accept queue. */
    public static final Setting BACKLOG = Setting.single("backlog", "COUNT", String.valueOf(DEFAULTS.backlog()),
        value -> positiveCount(value, 65_535),
        "Connections the kernel may queue before they are accepted.");

    /** {@code --access-log}: where access log lines go. */
    public static final Setting ACCESS_LOG = Setting.single("access-log", "FILE", null, ServeSettings::logTarget,
        "Write one line per request to this file, or to stdout with '-' (with --workers: to the error "
            + "stream, a worker's stdout being its heartbeat pipe). SIGUSR1 reopens the file.");

    /** {@code --access-log-format}: the access log's format. */
    public static final Setting ACCESS_LOG_FORMAT = Setting.single("access-log-format", "FORMAT",
        ServeLogs.COMBINED, ServeLogs::checkFormat,
        "combined (Apache's combined format), json (one JSON object per line), or a format of %-atoms "
            + "such as '%h \"%r\" %s %b %D' (%D: request time in microseconds; atoms in docs/settings.md).");

    /** {@code --error-log}: where errors go. */
    public static final Setting ERROR_LOG = Setting.single("error-log", "FILE", "-", ServeSettings::logTarget,
        "Write errors, application tracebacks and the master's log to this file; '-' is stderr. "
            + "SIGUSR1 reopens the file.");

    /** {@code --log-level}: the least severe of Gatehouse's own error-log lines that is written. */
    public static final Setting LOG_LEVEL = Setting.single("log-level", "LEVEL", DEFAULTS.logLevel().label(),
        LogLevel::parse,
        "The least severe of Gatehouse's own error-log lines to write: " + LogLevel.NAMES.replace("|", ", ")
            + " (any case; Gunicorn's names). Applies to the master and every worker; what the application "
            + "writes to gateway.errors and the access log are never filtered.");

    /** {@code -w/--workers}: worker JVMs under a master, or 0 for one process. */
    public static final Setting WORKERS = new Setting("workers", "-w", "COUNT", "0", false,
        value -> (int) countUpTo(value, 1024),
        "Run a master process and this many worker JVMs sharing the listening socket (see "
            + "docs/app-server.md); 0 serves in this one process.");

    /** {@code -t/--timeout}: heartbeat timeout of a worker. */
    public static final Setting TIMEOUT = new Setting("timeout", "-t", "SECONDS",
        Seconds.format(MASTER_DEFAULTS.timeout()), false, Seconds::positive,
        "With --workers: a worker silent for this long has its threads dumped to the error log, then is killed.");

    /** {@code --max-requests}: recycle a worker after this many requests. */
    public static final Setting MAX_REQUESTS = Setting.single("max-requests", "COUNT",
        String.valueOf(MASTER_DEFAULTS.maxRequests()), value -> countUpTo(value, Long.MAX_VALUE),
        "With --workers: replace a worker after it has served this many requests; 0 for never.");

    /** {@code --max-requests-jitter}: spreads the recycling of workers. */
    public static final Setting MAX_REQUESTS_JITTER = Setting.single("max-requests-jitter", "COUNT",
        String.valueOf(MASTER_DEFAULTS.maxRequestsJitter()), value -> countUpTo(value, Long.MAX_VALUE),
        "With --workers: add up to this many requests at random to each worker's --max-requests.");

    /** {@code -p/--pid-file}: where the master writes its pid. */
    public static final Setting PID_FILE = new Setting("pid-file", "-p", "FILE", null, false, Path::of,
        "With --workers: write the master's process id here (for 'gatehouse ctl'); removed on exit.");

    /** {@code --max-boot-failures}: when the master gives up. */
    public static final Setting MAX_BOOT_FAILURES = Setting.single("max-boot-failures", "COUNT",
        String.valueOf(MASTER_DEFAULTS.maxBootFailures()), value -> positiveCount(value, Integer.MAX_VALUE),
        "With --workers: stop (exit 3) after this many workers in a row fail to boot.");

    /** {@code --certfile}: serve HTTPS. */
    public static final Setting CERTFILE = Setting.single("certfile", "FILE", null, Path::of,
        "Serve HTTPS on every --bind address with this PEM certificate chain (the server's certificate first, "
            + "then intermediates). TLS 1.3 and 1.2 only. Needs --keyfile unless the key is in this file too.");

    /** {@code --keyfile}: the certificate's private key. */
    public static final Setting KEYFILE = Setting.single("keyfile", "FILE", null, Path::of,
        "The PEM private key of the --certfile certificate: PKCS#8 ('BEGIN PRIVATE KEY'), unencrypted; "
            + "RSA, EC or EdDSA.");

    /** {@code --cert-reqs}: client certificates. */
    public static final Setting CERT_REQS = Setting.single("cert-reqs", "MODE", "none",
        ServeSettings::clientAuth,
        "Ask HTTPS clients for a certificate issued by --ca-certs: none, optional (a client may send none; "
            + "one it sends must verify) or required. Gunicorn's 0, 1 and 2 mean the same.");

    /** {@code --ca-certs}: the authorities of client certificates. */
    public static final Setting CA_CERTS = Setting.single("ca-certs", "FILE", null, Path::of,
        "PEM certificates of the authorities whose client certificates are accepted; with --cert-reqs.");

    /** Every setting, in the order help and docs show them. */
    public static final List<Setting> ALL = List.of(CONFIG, BIND, CLASSPATH, LIMIT_REQUEST_LINE, LIMIT_REQUEST_FIELDS,
        LIMIT_REQUEST_FIELD_SIZE, LIMIT_REQUEST_BODY, HEADER_TIMEOUT, BODY_TIMEOUT, WRITE_TIMEOUT, KEEP_ALIVE,
        GRACEFUL_TIMEOUT, BACKLOG, FORWARDED_ALLOW_IPS, PROXY_PROTOCOL, CERTFILE, KEYFILE, CERT_REQS, CA_CERTS,
        ACCESS_LOG, ACCESS_LOG_FORMAT, ERROR_LOG, LOG_LEVEL,
        WORKERS, TIMEOUT, MAX_REQUESTS, MAX_REQUESTS_JITTER, PID_FILE, MAX_BOOT_FAILURES,
        ProcessSettings.WORKER_CLASS, ProcessSettings.THREADS, ProcessSettings.HOOKS, ProcessSettings.PRELOAD,
        ProcessSettings.USER, ProcessSettings.GROUP, ProcessSettings.UMASK, ProcessSettings.RELOAD);

    /**
     * The settings only the master uses (the config file, which it reads for the workers, and the
     * supervision ones); every other setting is passed to each worker, so a worker serves exactly as
     * a single process would.
     */
    public static final List<Setting> SUPERVISION = List.of(CONFIG, WORKERS, TIMEOUT, MAX_REQUESTS, MAX_REQUESTS_JITTER,
        PID_FILE, MAX_BOOT_FAILURES, ProcessSettings.PRELOAD, ProcessSettings.USER, ProcessSettings.GROUP,
        ProcessSettings.UMASK, ProcessSettings.RELOAD);

    private ServeSettings() {
    }

    /**
     * @param values each setting's parsed value (a List for repeatable ones), defaults included
     * @return the server configuration those values describe
     */
    public static ServerConfig config(Map<Setting, Object> values) {
        Function<Setting, Object> get = values::get;
        Limits limits = new Limits((Integer) get.apply(LIMIT_REQUEST_LINE), (Integer) get.apply(LIMIT_REQUEST_FIELDS),
            (Integer) get.apply(LIMIT_REQUEST_FIELD_SIZE), DEFAULTS.limits().maxHeaderBytes(),
            (Long) get.apply(LIMIT_REQUEST_BODY));
        @SuppressWarnings("unchecked")
        List<SocketAddress> binds = (List<SocketAddress>) get.apply(BIND);
        TrustedProxies trusted = trustedProxies(values);
        return DEFAULTS.withBinds(binds)
            .withBacklog((Integer) get.apply(BACKLOG))
            // A Unix socket peer (empty REMOTE_ADDR) is trusted: only the file's permissions let it in.
            .withProxyProtocol((Boolean) get.apply(PROXY_PROTOCOL)
                ? ProxyProtocol.from(peer -> peer.isEmpty() || trusted.contains(peer)) : ProxyProtocol.OFF)
            .withLimits(limits)
            .withTimeouts((Duration) get.apply(HEADER_TIMEOUT), (Duration) get.apply(BODY_TIMEOUT),
                (Duration) get.apply(WRITE_TIMEOUT), (Duration) get.apply(KEEP_ALIVE))
            .withGracefulTimeout((Duration) get.apply(GRACEFUL_TIMEOUT))
            .withTls(tls((Path) get.apply(CERTFILE), (Path) get.apply(KEYFILE), (ClientAuth) get.apply(CERT_REQS),
                (Path) get.apply(CA_CERTS)))
            .withConnectionThreads(ProcessSettings.connectionThreads(values))
            .withLogLevel((LogLevel) get.apply(LOG_LEVEL));
    }

    /** Reads the files now, so a bad one is one line at start-up, not a failure per handshake. */
    private static TlsConfig tls(Path certificateFile, Path keyFile, ClientAuth clientAuth, Path caFile) {
        if (certificateFile == null) {
            Setting given = keyFile != null ? KEYFILE : caFile != null ? CA_CERTS
                : clientAuth != ClientAuth.NONE ? CERT_REQS : null;
            if (given != null) {
                throw new IllegalArgumentException(given.longFlag() + " needs " + CERTFILE.longFlag());
            }
            return null;
        }
        if ((clientAuth == ClientAuth.NONE) != (caFile == null)) {
            throw new IllegalArgumentException(clientAuth == ClientAuth.NONE
                ? "--ca-certs needs --cert-reqs optional or required"
                : "--cert-reqs " + clientAuth.name().toLowerCase(Locale.ROOT) + " needs --ca-certs");
        }
        TlsConfig tls = TlsConfig.fromPemFiles(certificateFile, keyFile == null ? certificateFile : keyFile);
        return clientAuth == ClientAuth.NONE ? tls : tls.withClientCertificates(caFile, clientAuth);
    }

    private static ClientAuth clientAuth(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none", "0" -> ClientAuth.NONE;
            case "optional", "1" -> ClientAuth.OPTIONAL;
            case "required", "2" -> ClientAuth.REQUIRED;
            default -> throw new IllegalArgumentException("'" + value + "' is not none, optional or required");
        };
    }

    /**
     * @param values each setting's parsed value
     * @return the proxies whose forwarding headers are believed
     */
    public static TrustedProxies trustedProxies(Map<Setting, Object> values) {
        return (TrustedProxies) values.get(FORWARDED_ALLOW_IPS);
    }

    /**
     * @param values the {@code --classpath} values given, each possibly several paths joined with ':'
     * @return every path, in order
     */
    public static List<Path> classPath(List<?> values) {
        // picocli adds the elements of a converted collection one by one; accept either shape.
        return values.stream()
            .flatMap(value -> value instanceof List<?> paths ? paths.stream() : Stream.of(value))
            .map(Path.class::cast)
            .toList();
    }

    /** @return empty for '-' (the standard stream), otherwise the file's path */
    private static Optional<Path> logTarget(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("give a file, or '-' for the standard stream");
        }
        return value.equals("-") ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static List<Path> existingPaths(String value) {
        List<Path> paths = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("'" + entry + "' does not exist");
            }
            paths.add(path);
        }
        return paths;
    }

    static int positiveCount(String value, int max) {
        long number = number(value);
        if (number <= 0 || number > max) {
            throw new IllegalArgumentException("'" + value + "' must be a whole number from 1 to " + max);
        }
        return (int) number;
    }

    private static long countUpTo(String value, long max) {
        long number = number(value);
        if (number < 0 || number > max) {
            throw new IllegalArgumentException("'" + value + "' must be a whole number from 0 to " + max);
        }
        return number;
    }

    private static long bodyLimit(String value) {
        long number = number(value);
        if (number < 0) {
            throw new IllegalArgumentException("'" + value + "' must be 0 (no limit) or more");
        }
        return number == 0 ? Long.MAX_VALUE : number;
    }

    private static String bodyLimitText(long limit) {
        return limit == Long.MAX_VALUE ? "0" : String.valueOf(limit);
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }
}
