package io.gatehouse.cli;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code gatehouse serve [APP]}: loads an application and serves it until SIGTERM or SIGINT.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>read the settings (picocli has already rejected bad values, exit 2), and the TLS
 *       certificate and key when given (exit 2, naming the file, when they are unusable);</li>
 *   <li>load APP with {@link AppLoader}, from the class path plus {@code --classpath} (exit 3);</li>
 *   <li>start the server, binding every {@code --bind} address (exit 4 when one cannot be bound);</li>
 *   <li>print one line naming the app, the URLs and the pid;</li>
 *   <li>wait; a signal runs the shutdown hook, which stops the server gracefully and exits 0.</li>
 * </ol>
 *
 * {@snippet :
 * // shell: ./gatehouse serve examples.hello.HelloApp --bind 127.0.0.1:8000 --bind [::1]:8000
 * }
 */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Serve a gateway application over HTTP/1.1 until SIGTERM or SIGINT (then stop gracefully).",
    footer = {"", "APP is package.Class (an Application with a public no-argument constructor, or a class with a "
        + "public static 'app' or 'application' field or method) or package.Class:member (a public static "
        + "field or no-argument method that gives an Application), like Gunicorn's module:app.",
        "", "Example: gatehouse serve examples.hello.HelloApp --bind 127.0.0.1:8000 --bind [::1]:8000"})
public final class ServeCommand implements Callable<Integer> {

    /** What {@code gatehouse serve} with no APP serves. */
    public static final String DEFAULT_APP = "examples.hello.HelloApp";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", defaultValue = DEFAULT_APP,
        description = "The application to serve; with none, the hello app (" + DEFAULT_APP + ").")
    private String app;

    @Override
    public Integer call() {
        Map<Setting, Object> values = SettingOptions.values(spec, ServeSettings.ALL);
        ServerConfig config;
        try {
            config = ServeSettings.config(values);
        } catch (IllegalArgumentException e) {
            // Each value was checked alone; this is a combination the server refuses.
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        List<Path> classPath = ServeSettings.classPath((List<?>) values.get(ServeSettings.CLASSPATH));
        Application application = load(app, classPath);
        Server server = new Server(config, application);
        try {
            server.start();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.CANNOT_BIND, "cannot bind " + describe(config.binds()) + ": "
                + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        String scheme = config.tls() == null ? "http" : "https";
        out.println("Gatehouse serving " + app + " on " + server.addresses().stream()
            .map(address -> BindAddress.url(address, scheme)).collect(Collectors.joining(", "))
            + " (pid " + ProcessHandle.current().pid() + ")");
        out.flush();
        GracefulExit.onSignal(server, config.gracefulTimeout(), spec.commandLine().getErr());
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return ExitCode.OK.code();
    }

    /**
     * @param name      the APP argument
     * @param classPath extra jars and directories
     * @return the application
     * @throws CommandFailure with {@link ExitCode#APP_NOT_LOADABLE}
     */
    static Application load(String name, List<Path> classPath) {
        ClassLoader parent = ServeCommand.class.getClassLoader();
        ClassLoader loader = classPath.isEmpty() ? parent : new URLClassLoader(urls(classPath), parent);
        try {
            Application application = new AppLoader(loader).load(name);
            // Libraries the app uses (ServiceLoader and the like) search the context class loader;
            // the server's threads inherit it from this one.
            Thread.currentThread().setContextClassLoader(loader);
            return application;
        } catch (AppNotLoadable e) {
            throw new CommandFailure(ExitCode.APP_NOT_LOADABLE, e.getMessage());
        }
    }

    private static URL[] urls(List<Path> classPath) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new CommandFailure(ExitCode.USAGE, "'" + classPath.get(i) + "' is not a usable class path entry");
            }
        }
        return urls;
    }

    private static String describe(List<InetSocketAddress> binds) {
        return binds.stream().map(BindAddress::hostPort).collect(Collectors.joining(" or "));
    }
}
