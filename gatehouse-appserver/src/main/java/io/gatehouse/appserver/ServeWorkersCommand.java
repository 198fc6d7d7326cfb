package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The bare master entry of this module: runs the {@link Arbiter} with N worker JVMs on default server
 * settings. Flags follow Gunicorn's names; durations are in seconds. Users run
 * {@code gatehouse serve APP --workers N} instead, which passes every serve setting to the workers;
 * this entry stays for embedding without gatehouse-cli and for this module's tests.
 *
 * {@snippet :
 * // java -cp app.jar:gatehouse.jar io.gatehouse.appserver.ServeWorkersCommand com.example.Hello \
 * //     --bind 127.0.0.1:8000 --workers 4 --pid-file /run/gatehouse.pid
 * int code = new CommandLine(new ServeWorkersCommand()).execute(args);
 * }
 */
@Command(name = "serve-workers", mixinStandardHelpOptions = true,
    description = "Run APP in worker JVMs supervised by a master process.")
public final class ServeWorkersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP", description = "Application class with a public no-argument constructor.")
    String application;

    @Option(names = "--bind", description = "HOST:PORT, unix:PATH or fd://N to listen on; repeat for several "
        + "(default: 127.0.0.1:8000).")
    List<String> binds = new ArrayList<>();

    @Option(names = {"-w", "--workers"}, defaultValue = "1", description = "Worker JVMs (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--backlog", defaultValue = "2048", description = "Accept queue length (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = {"-t", "--timeout"}, defaultValue = "30", description = "Seconds without a heartbeat before a worker is dumped and killed.")
    double timeout;

    @Option(names = "--graceful-timeout", defaultValue = "30", description = "Seconds a worker may take to finish in-flight requests.")
    double gracefulTimeout;

    @Option(names = "--max-requests", defaultValue = "0", description = "Recycle a worker after this many requests; 0 for never.")
    long maxRequests;

    @Option(names = "--max-requests-jitter", defaultValue = "0", description = "Add up to this many requests at random per worker.")
    long maxRequestsJitter;

    @Option(names = {"-p", "--pid-file"}, description = "Write the master's pid to this file.")
    Path pidFile;

    @Option(names = "--max-boot-failures", defaultValue = "5", description = "Give up after this many worker boot failures in a row.")
    int maxBootFailures;

    @Option(names = "--hooks", paramLabel = "CLASS", description = "A class implementing io.gatehouse.appserver.Hooks, run at the master's and workers' lifecycle moments.")
    String hooks;

    @Option(names = "--preload", description = "Load APP in the master first: if it cannot load, exit 3 before any worker starts.")
    boolean preload;

    @Option(names = {"-u", "--user"}, description = "After binding, run the master and workers as this user (name or uid); needs root.")
    String user;

    @Option(names = {"-g", "--group"}, description = "After binding, run as this group (name or gid); default: the user's group.")
    String group;

    @Option(names = "--umask", description = "File mode creation mask, in octal (e.g. 027), for the master and workers.")
    String umask;

    @Option(names = "--reload", description = "Development: when a class or jar on the class path changes, replace the workers as SIGHUP does.")
    boolean reload;

    @Option(names = "--log-level", defaultValue = "info",
        description = "The least severe of the master's own log lines to write: debug, info, warning, error "
            + "or critical.")
    String logLevel;

    @Option(names = "--worker-main", hidden = true, description = "The worker's main class (for tests).")
    String workerMain = WorkerMain.class.getName();

    @Option(names = "--worker-jvm-option", hidden = true, description = "An option for each worker JVM.")
    List<String> workerJvmOptions = new ArrayList<>();

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeWorkersCommand()).execute(args));
    }

    @Override
    public Integer call() {
        ArbiterConfig config;
        try {
            config = ArbiterConfig.defaults(application)
                .withBinds(binds.isEmpty() ? List.of(address("127.0.0.1:8000")) : binds.stream().map(ServeWorkersCommand::bind).toList())
                .withWorkers(workers)
                .withWorkerMain(workerMain, workerJvmOptions)
                .withTimeouts(seconds(timeout), seconds(gracefulTimeout))
                .withMaxRequests(maxRequests, maxRequestsJitter)
                .withMaxBootFailures(maxBootFailures)
                .withPidFile(pidFile)
                .withBacklog(backlog)
                .withLogLevel(LogLevel.parse(logLevel));
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        MasterOptions options;
        try {
            options = MasterOptions.NONE.withHooks(HookRunner.load(hooks, getClass().getClassLoader(), System.err))
                .withPrivileges(Privileges.parse(user, group, umask))
                .withReload(reload, List.of());
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        if (preload) {
            try {
                WorkerMain.load(application);
            } catch (WorkerMain.BootFailure e) {
                System.err.println("gatehouse: --preload: " + e.getMessage());
                return WorkerMain.BOOT_FAILURE;
            }
        }
        return new Arbiter(config, options).run();
    }

    /** @param text HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N @return the address @throws IllegalArgumentException if malformed */
    static SocketAddress bind(String text) {
        if (text.startsWith("unix:") && text.length() > 5) {
            return UnixDomainSocketAddress.of(Path.of(text.substring(5)).toAbsolutePath());
        }
        return text.startsWith(InheritedSocketAddress.SCHEME) ? InheritedSocketAddress.parse(text) : address(text);
    }

    /** @param text HOST:PORT or [IPv6]:PORT @return the address @throws IllegalArgumentException if malformed */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--bind wants HOST:PORT, got '" + text + "'");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bind wants HOST:PORT, got '" + text + "'");
        }
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
