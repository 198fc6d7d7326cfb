package io.gatehouse.cli;

import io.gatehouse.http.Limits;
import io.gatehouse.server.ServerConfig;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** {@code -b/--bind}: where to listen. */
    public static final Setting BIND = new Setting("bind", "-b", "HOST:PORT",
        BindAddress.hostPort(DEFAULTS.binds().getFirst()), true, BindAddress::parse,
        "Listen on this address; repeat to listen on several. IPv6 in brackets ([::1]:8000); a bare "
            + "PORT or :PORT means " + BindAddress.DEFAULT_HOST + "; port 0 picks a free port.");

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

    /** Every setting, in the order help and docs show them. */
    public static final List<Setting> ALL = List.of(BIND, CLASSPATH, LIMIT_REQUEST_LINE, LIMIT_REQUEST_FIELDS,
        LIMIT_REQUEST_FIELD_SIZE, LIMIT_REQUEST_BODY, HEADER_TIMEOUT, BODY_TIMEOUT, WRITE_TIMEOUT, KEEP_ALIVE,
        GRACEFUL_TIMEOUT, ProcessSettings.WORKER_CLASS, ProcessSettings.THREADS, ProcessSettings.HOOKS,
        ProcessSettings.PRELOAD, ProcessSettings.USER, ProcessSettings.GROUP, ProcessSettings.UMASK,
        ProcessSettings.RELOAD);

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
        List<InetSocketAddress> binds = (List<InetSocketAddress>) get.apply(BIND);
        return DEFAULTS.withBinds(binds)
            .withLimits(limits)
            .withTimeouts((Duration) get.apply(HEADER_TIMEOUT), (Duration) get.apply(BODY_TIMEOUT),
                (Duration) get.apply(WRITE_TIMEOUT), (Duration) get.apply(KEEP_ALIVE))
            .withGracefulTimeout((Duration) get.apply(GRACEFUL_TIMEOUT))
            .withConnectionThreads(ProcessSettings.connectionThreads(values));
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
