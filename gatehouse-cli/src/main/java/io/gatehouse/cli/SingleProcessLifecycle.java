package io.gatehouse.cli;

import io.gatehouse.appserver.HookRunner;
import io.gatehouse.appserver.MasterOptions;
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
 *   <li>{@link #before}: load the hooks, look the user and group up, set the umask, run
 *       {@code onStarting};</li>
 *   <li>{@link #around}: the application with {@code preRequest}/{@code postRequest};</li>
 *   <li>{@link #afterStart}: once bound, drop privileges, then run {@code whenReady};</li>
 *   <li>{@link #onExit}: run {@code onExit}.</li>
 * </ol>
 *
 * {@snippet :
 * SingleProcessLifecycle lifecycle = SingleProcessLifecycle.before(values, loader, System.err);
 * Server server = new Server(config, lifecycle.around(application));
 * server.start();
 * lifecycle.afterStart(server);
 * }
 */
final class SingleProcessLifecycle {

    private final HookRunner hooks;
    private final Privileges privileges;
    private final Privileges.Ids ids;

    private SingleProcessLifecycle(MasterOptions options, Privileges.Ids ids) {
        this.hooks = options.hooks();
        this.privileges = options.privileges();
        this.ids = ids;
    }

    /**
     * @param values the parsed settings
     * @param loader where the hooks class is found (the application's class loader)
     * @param log    where failing hooks are reported
     * @return the lifecycle, {@code onStarting} done
     * @throws CommandFailure with {@link ExitCode#USAGE} for a missing hooks class, unknown user or group
     */
    static SingleProcessLifecycle before(Map<Setting, Object> values, ClassLoader loader, PrintStream log) {
        MasterOptions options;
        Privileges.Ids ids;
        try {
            options = ProcessSettings.masterOptions(values, loader, log);
            ids = options.privileges().resolve();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        options.privileges().applyUmask();
        SingleProcessLifecycle lifecycle = new SingleProcessLifecycle(options, ids);
        lifecycle.hooks.onStarting();
        return lifecycle;
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
        hooks.whenReady(server.addresses().getFirst());
    }

    /** @param exitCode what the process exits with */
    void onExit(int exitCode) {
        hooks.onExit(exitCode);
    }
}
