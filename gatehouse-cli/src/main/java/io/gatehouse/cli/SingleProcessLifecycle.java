package io.gatehouse.cli;

import io.gatehouse.appserver.HookRunner;
import io.gatehouse.appserver.Privileges;
import io.gatehouse.server.Server;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process settings of {@code gatehouse serve} without {@code --workers}: the one process plays
 * the master's part for hooks ({@code childExit} aside) and privileges.
 *
 * <ol>
 *   <li>{@link #before}: look the user and group up, set the umask (before any log file or socket);</li>
 *   <li>{@link #starting}: once the application is loaded, load the hooks from its class loader and
 *       run {@code onStarting};</li>
 *   <li>{@link #around}: the application with {@code preRequest}/{@code postRequest};</li>
 *   <li>{@link #afterStart}: once bound, drop privileges, then run {@code whenReady};</li>
 *   <li>{@link #onExit}: run {@code onExit}.</li>
 * </ol>
 *
 * {@snippet :
 * SingleProcessLifecycle lifecycle = SingleProcessLifecycle.before(values);
 * lifecycle.starting(loader, System.err);
 * Server server = new Server(config, lifecycle.around(application));
 * server.start();
 * lifecycle.afterStart(server);
 * }
 */
final class SingleProcessLifecycle {

    private final Map<Setting, Object> values;
    private final Privileges privileges;
    private final Privileges.Ids ids;
    private HookRunner hooks = HookRunner.NONE;

    private SingleProcessLifecycle(Map<Setting, Object> values, Privileges privileges, Privileges.Ids ids) {
        this.values = values;
        this.privileges = privileges;
        this.ids = ids;
    }

    /**
     * @param values the parsed settings
     * @return the lifecycle, with the umask set
     * @throws CommandFailure with {@link ExitCode#USAGE} for an unknown user or group
     */
    static SingleProcessLifecycle before(Map<Setting, Object> values) {
        Privileges privileges = ProcessSettings.privileges(values);
        Privileges.Ids ids;
        try {
            ids = privileges.resolve();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        privileges.applyUmask();
        return new SingleProcessLifecycle(values, privileges, ids);
    }

    /**
     * @param loader the application's class loader, where the hooks class is found
     * @param log    where failing hooks are reported
     * @throws CommandFailure with {@link ExitCode#USAGE} for a missing hooks class
     */
    void starting(ClassLoader loader, PrintStream log) {
        try {
            hooks = HookRunner.load((String) values.get(ProcessSettings.HOOKS), loader, log);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        hooks.onStarting();
    }

    /** @param application the loaded application @return it with the request hooks around it */
    Application around(Application application) {
        return hooks.around(application);
    }

    /**
     * @param server the started (bound) server
     * @throws CommandFailure with {@link ExitCode#FAILURE} when the privileges cannot be dropped
     */
    void afterStart(Server server) {
        try {
            privileges.drop(ids);
        } catch (IOException e) {
            server.stop();
            throw new CommandFailure(ExitCode.FAILURE, "cannot drop privileges: " + e.getMessage());
        }
        hooks.whenReady(server.listening());
    }

    /** @param exitCode what the process exits with */
    void onExit(int exitCode) {
        hooks.onExit(exitCode);
    }
}
