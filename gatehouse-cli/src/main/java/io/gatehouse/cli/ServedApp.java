package io.gatehouse.cli;

import io.gatehouse.middleware.ForwardedHeaders;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code gatehouse serve} serves and how: the server settings and the application, built from
 * the effective settings. A single-process server and every worker JVM build it here, so each
 * setting has the same effect in both; a new setting's effect belongs in {@link #from}.
 *
 * {@snippet :
 * ServedApp served = ServedApp.from(settings);
 * Server server = new Server(served.config(), served.application());
 * }
 *
 * @param config      the server settings, the error log included
 * @param application the application, loaded, wrapped in {@code ForwardedHeaders} and in the access
 *                    log when there is one
 * @param logs        the log files, to reopen on SIGUSR1
 */
public record ServedApp(ServerConfig config, Application application, ServeLogs logs) {

    /**
     * @param settings the effective settings
     * @return the configuration and the loaded application
     * @throws CommandFailure with {@link ExitCode#USAGE} for settings the server refuses together,
     *     {@link ExitCode#APP_NOT_LOADABLE} when the application cannot be loaded
     */
    public static ServedApp from(EffectiveSettings settings) {
        ServerConfig config = config(settings);
        Application application = application(settings);
        ServeLogs logs = ServeLogs.open(settings, true);
        // Forwarding headers count only from --forwarded-allow-ips peers (docs/deploy.md); the access
        // log goes outside, so that it shows the client's address rather than the proxy's.
        Application trusting = ForwardedHeaders.wrap(application, ServeSettings.trustedProxies(settings.values()));
        return new ServedApp(config.withErrorLog(logs.errors()), logs.wrap(trusting), logs);
    }

    /**
     * @param settings the effective settings
     * @return the application they name, loaded from the class path and {@code --classpath}
     * @throws CommandFailure with {@link ExitCode#APP_NOT_LOADABLE}
     */
    public static Application application(EffectiveSettings settings) {
        List<Path> classPath = ServeSettings.classPath((List<?>) settings.value(ServeSettings.CLASSPATH));
        return load(settings.app(), classPath);
    }

    /**
     * @param settings the effective settings
     * @return the server configuration they describe
     * @throws CommandFailure with {@link ExitCode#USAGE} for a combination the server refuses
     */
    public static ServerConfig config(EffectiveSettings settings) {
        try {
            return ServeSettings.config(settings.values());
        } catch (IllegalArgumentException e) {
            // Each value was checked alone; this is a combination the server refuses.
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /**
     * @param name      the APP argument
     * @param classPath extra jars and directories
     * @return the application
     * @throws CommandFailure with {@link ExitCode#APP_NOT_LOADABLE}
     */
    static Application load(String name, List<Path> classPath) {
        ClassLoader loader = classLoader(classPath);
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

    /**
     * @param classPath extra jars and directories
     * @return a class loader that also searches them (the application's, the hooks')
     */
    static ClassLoader classLoader(List<Path> classPath) {
        ClassLoader parent = ServedApp.class.getClassLoader();
        return classPath.isEmpty() ? parent : new URLClassLoader(urls(classPath), parent);
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
}
