package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The master's settings, checked once at construction; names follow Gunicorn's flags.
 *
 * {@snippet :
 * ArbiterConfig config = ArbiterConfig.defaults("com.example.Hello")
 *     .withBind(new InetSocketAddress("127.0.0.1", 8000))
 *     .withWorkers(4);
 * }
 *
 * @param binds             the addresses the master listens on, for all workers: IP, Unix socket
 *                          ({@link java.net.UnixDomainSocketAddress}) or inherited
 *                          ({@link InheritedSocketAddress}); systemd's sockets replace them
 * @param backlog           the kernel accept queue length
 * @param workers           worker JVMs to keep running (1 or more)
 * @param application       the application class each worker loads
 * @param workerMain        the worker's main class ({@link WorkerMain} unless testing)
 * @param classPath         the worker's class path, read again for every spawn (so a reload runs new code)
 * @param jvmOptions        extra options for each worker JVM
 * @param timeout           a worker silent for longer is dumped and killed
 * @param gracefulTimeout   how long a graceful stop of a worker may take
 * @param maxRequests       requests after which a worker is recycled; 0 for never
 * @param maxRequestsJitter up to this many requests are added at random per worker
 * @param maxBootFailures   boot failures in a row after which the master gives up
 * @param pidFile           where the master writes its pid, or {@code null}
 * @param errorLog          the error log
 * @param logLevel          the least severe of the master's own lines that is written ({@code --log-level});
 *                          workers get theirs with their serve arguments
 * @param workerArguments   the serve settings every new worker gets after {@code --}; resolved at
 *                          start and again on SIGHUP (so a reload re-reads the config file)
 * @param reopenLogs        reopens the master's log files on SIGUSR1 (the workers get SIGUSR1 too)
 */
public record ArbiterConfig(List<SocketAddress> binds, int backlog, int workers, String application,
                            String workerMain, String classPath, List<String> jvmOptions, Duration timeout,
                            Duration gracefulTimeout, long maxRequests, long maxRequestsJitter,
                            int maxBootFailures, Path pidFile, PrintStream errorLog, LogLevel logLevel,
                            WorkerArguments workerArguments, Runnable reopenLogs) {

    /** Checks every value, with one line naming the bad one. */
    public ArbiterConfig {
        binds = List.copyOf(binds);
        if (binds.isEmpty()) {
            throw new IllegalArgumentException("at least one bind address is needed");
        }
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(workerMain, "workerMain");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(errorLog, "errorLog");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(workerArguments, "workerArguments");
        Objects.requireNonNull(reopenLogs, "reopenLogs");
        atLeast("backlog", backlog, 1);
        atLeast("workers", workers, 1);
        atLeast("max-requests", maxRequests, 0);
        atLeast("max-requests-jitter", maxRequestsJitter, 0);
        atLeast("max boot failures", maxBootFailures, 1);
        if (timeout.toMillis() < 1 || gracefulTimeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and graceful-timeout not negative");
        }
    }

    /**
     * @param application the application class
     * @return 127.0.0.1:8000, 1 worker, this JVM's class path, 30 s timeouts, no recycling, 5 boot failures
     */
    public static ArbiterConfig defaults(String application) {
        return new ArbiterConfig(List.of(new InetSocketAddress("127.0.0.1", 8000)), 2048, 1, application,
            WorkerMain.class.getName(), System.getProperty("java.class.path"), List.of(), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 0, 0, 5, null, System.err, LogLevel.INFO, List::of, () -> { });
    }

    /** @param value the address @return a copy listening there */
    public ArbiterConfig withBind(InetSocketAddress value) {
        return withBinds(List.of(value));
    }

    /** @param values the addresses, at least one @return a copy listening on all of them */
    public ArbiterConfig withBinds(List<? extends SocketAddress> values) {
        return new ArbiterConfig(List.copyOf(values), backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param value the worker count @return a copy with that many workers */
    public ArbiterConfig withWorkers(int value) {
        return new ArbiterConfig(binds, backlog, value, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param main the worker main class @param options its JVM options @return a copy running those */
    public ArbiterConfig withWorkerMain(String main, List<String> options) {
        return new ArbiterConfig(binds, backlog, workers, application, main, classPath, options, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param silence heartbeat timeout @param grace graceful stop time @return a copy with those */
    public ArbiterConfig withTimeouts(Duration silence, Duration grace) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, silence,
            grace, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param max requests per worker @param jitter random extra @return a copy recycling workers */
    public ArbiterConfig withMaxRequests(long max, long jitter) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, max, jitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param failures boot failures in a row before giving up @return a copy */
    public ArbiterConfig withMaxBootFailures(int failures) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, failures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param file the pid file, or {@code null} @return a copy writing it */
    public ArbiterConfig withPidFile(Path file) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, file, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param value the accept queue length @return a copy with that backlog */
    public ArbiterConfig withBacklog(int value) {
        return new ArbiterConfig(binds, value, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            workerArguments, reopenLogs);
    }

    /** @param arguments resolves the workers' serve settings @return a copy passing them to every new worker */
    public ArbiterConfig withWorkerArguments(WorkerArguments arguments) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, logLevel,
            arguments, reopenLogs);
    }

    /**
     * @param log    the master's error log
     * @param reopen reopens the master's log files on SIGUSR1
     * @return a copy logging there
     */
    public ArbiterConfig withErrorLog(PrintStream log, Runnable reopen) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, log, logLevel,
            workerArguments, reopen);
    }

    /** @param level the least severe of the master's own lines to write @return a copy logging from there */
    public ArbiterConfig withLogLevel(LogLevel level) {
        return new ArbiterConfig(binds, backlog, workers, application, workerMain, classPath, jvmOptions, timeout,
            gracefulTimeout, maxRequests, maxRequestsJitter, maxBootFailures, pidFile, errorLog, level,
            workerArguments, reopenLogs);
    }

    /**
     * Resolves the settings a new worker serves with, as {@code gatehouse serve} flags. The master
     * calls it once at start and again on every SIGHUP; a failure on reload keeps the old ones.
     *
     * {@snippet :
     * ArbiterConfig.WorkerArguments fixed = () -> List.of("--keep-alive", "2");
     * }
     */
    @FunctionalInterface
    public interface WorkerArguments {

        /**
         * @return the flags for every worker started from now on
         * @throws IllegalArgumentException with one readable line when the settings are bad
         */
        List<String> resolve();
    }

    private static void atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
