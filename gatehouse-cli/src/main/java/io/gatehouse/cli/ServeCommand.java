package io.gatehouse.cli;

import io.gatehouse.server.ListenSocket;
import io.gatehouse.server.LogLevel;
import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import picocli.CommandLine.Command;
import sun.misc.Signal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code gatehouse serve [APP]}: loads an application and serves it until SIGTERM or SIGINT; with
 * {@code --workers N}, runs a master and N worker JVMs instead ({@link ServeMaster}).
 *
 * <p>Lifecycle of one process:
 * <ol>
 *   <li>resolve the settings ({@link EffectiveSettings}; a bad value is one line, exit 2), and read
 *       the TLS certificate and key when given (exit 2, naming the file, when they are unusable);</li>
 *   <li>load APP with {@link AppLoader}, from the class path plus {@code --classpath} (exit 3), and
 *       wrap it in {@code ForwardedHeaders} with {@code --forwarded-allow-ips} ({@link ServedApp});</li>
 *   <li>start the server, binding every {@code --bind} address, or serving inherited sockets
 *       ({@code fd://N}, systemd's {@code LISTEN_FDS}; see {@link Inherited}) (exit 4 when one
 *       cannot be bound);</li>
 *   <li>print one line naming the app, the URLs and the pid;</li>
 *   <li>wait; SIGUSR1 reopens the log files; SIGTERM or SIGINT runs the shutdown hook, which stops
 *       the server gracefully and exits 0.</li>
 * </ol>
 *
 * {@snippet :
 * // shell: ./gatehouse serve examples.hello.HelloApp --bind 127.0.0.1:8000 --bind [::1]:8000
 * // shell: ./gatehouse serve examples.hello.HelloApp --workers 4 --pid-file /tmp/gh.pid
 * }
 */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Serve a gateway application over HTTP/1.1 until SIGTERM or SIGINT (then stop gracefully).",
    footer = {"", "APP is package.Class (an Application with a public no-argument constructor, or a class with a "
        + "public static 'app' or 'application' field or method) or package.Class:member (a public static "
        + "field or no-argument method that gives an Application), like Gunicorn's module:app.",
        "", "Example: gatehouse serve examples.hello.HelloApp --bind 127.0.0.1:8000 --bind [::1]:8000",
        "         gatehouse serve examples.hello.HelloApp --workers 4 --pid-file /tmp/gh.pid"})
public final class ServeCommand implements Callable<Integer> {

    /** What {@code gatehouse serve} with no APP serves. */
    public static final String DEFAULT_APP = "examples.hello.HelloApp";

    @Spec
    private CommandSpec spec;

    /** Where {@code GATEHOUSE_ARGS} is read; tests give their own. */
    private Map<String, String> environment = System.getenv();

    // Read through the spec (SettingLayer.parsed), so that the config file's app key can stand in for it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", defaultValue = DEFAULT_APP,
        description = "The application to serve; with none, the hello app (" + DEFAULT_APP + ").")
    private String app;

    @Override
    public Integer call() {
        EffectiveSettings settings = settings();
        if ((Integer) settings.value(ServeSettings.WORKERS) > 0 || ProcessSettings.reload(settings)) {
            return ServeMaster.run(settings, this::settings);
        }
        SingleProcessLifecycle lifecycle = SingleProcessLifecycle.before(settings.values());
        ServedApp served = ServedApp.from(settings);
        lifecycle.starting(Thread.currentThread().getContextClassLoader(), System.err);
        served.logs().redirectStandardError();
        Signal.handle(new Signal("USR1"), signal -> served.logs().reopen());
        ServerConfig config = served.config();
        Server server = new Server(config, lifecycle.around(served.application()),
            Inherited.channels(config, spec.commandLine().getErr()));
        try {
            server.start();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.CANNOT_BIND, "cannot bind " + describe(config.binds()) + ": "
                + e.getMessage());
        }
        lifecycle.afterStart(server);
        PrintWriter out = spec.commandLine().getOut();
        String scheme = config.tls() == null ? "http" : "https";
        out.println("Gatehouse serving " + settings.app() + " on " + server.listening().stream()
            .map(address -> BindAddress.url(address, scheme)).collect(Collectors.joining(", "))
            + " (pid " + ProcessHandle.current().pid() + ")");
        out.flush();
        if (config.logLevel().allows(LogLevel.DEBUG)) {
            config.log(LogLevel.DEBUG, "effective settings: " + String.join(" ", settings.workerArguments()));
        }
        // The stopping line is info: hidden from --log-level warning up, like the master's.
        PrintWriter stopping = config.logLevel().allows(LogLevel.INFO) ? spec.commandLine().getErr()
            : new PrintWriter(Writer.nullWriter());
        GracefulExit.onSignal(server, config.gracefulTimeout(), stopping,
            () -> lifecycle.onExit(ExitCode.OK.code()));
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return ExitCode.OK.code();
    }

    /**
     * Resolves the settings from every source; called again by the master on SIGHUP.
     *
     * @return the effective settings
     * @throws CommandFailure with {@link ExitCode#USAGE} naming a bad value
     */
    EffectiveSettings settings() {
        SettingLayer flags = SettingLayer.parsed(spec, SettingSource.FLAG, "command line");
        return EffectiveSettings.resolve(SettingSources.layers(flags, environment));
    }

    /** @param env the environment to read {@code GATEHOUSE_ARGS} from, instead of the process's */
    void environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
    }

    private static String describe(List<SocketAddress> binds) {
        return binds.stream().map(ListenSocket::describe).collect(Collectors.joining(" or "));
    }
}
