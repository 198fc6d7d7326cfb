package io.gatehouse.cli;

import io.gatehouse.appserver.HookRunner;
import io.gatehouse.appserver.MasterOptions;
import io.gatehouse.appserver.Privileges;
import io.gatehouse.server.ConnectionThreads;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The process settings of {@code gatehouse serve} (issue 4's process model: worker class, hooks,
 * preload, privileges, reload), kept apart from the HTTP ones in {@link ServeSettings}, whose
 * registry lists them too.
 *
 * {@snippet :
 * ConnectionThreads threads = ProcessSettings.connectionThreads(values);   // values from SettingOptions
 * MasterOptions master = ProcessSettings.masterOptions(values, loader, System.err);
 * }
 */
public final class ProcessSettings {

    /** {@code -k/--worker-class}: a virtual thread per connection, or a bounded pool. */
    public static final Setting WORKER_CLASS = new Setting("worker-class", "-k", "virtual|threads", "virtual",
        false, ProcessSettings::workerClass,
        "How connections get threads: 'virtual' gives each its own virtual thread; 'threads' serves them on a "
            + "pool of --threads platform threads, with as many accepted connections waiting for one, and "
            + "leaves the rest in the kernel's accept queue (for apps that pin carrier threads or must limit "
            + "concurrency).");

    /** {@code --threads}: the pool size of the {@code threads} worker class. */
    public static final Setting THREADS = Setting.single("threads", "COUNT", "32",
        value -> ServeSettings.positiveCount(value, 10_000),
        "Platform threads serving connections with --worker-class threads; each keep-alive connection holds "
            + "one while it is open. Ignored with 'virtual'.");

    /** {@code --hooks}: the user's lifecycle hooks. */
    public static final Setting HOOKS = Setting.single("hooks", "CLASS", null, ProcessSettings::className,
        "A class implementing io.gatehouse.appserver.Hooks (public, no-argument constructor): onStarting, whenReady, "
            + "preRequest, postRequest, childExit and onExit run at those moments; one that throws is logged.");

    /** {@code --preload}: load the app in the master first. */
    public static final Setting PRELOAD = Setting.flag("preload",
        "With --workers: load APP in the master before any worker starts, so an app that cannot load fails at "
            + "once (exit 3) instead of in every worker.");

    /** {@code -u/--user}: who to become after binding. */
    public static final Setting USER = new Setting("user", "-u", "USER", null, false, ProcessSettings::nonBlank,
        "After binding, run as this user (name or uid); needs root. With --workers the master drops before "
            + "starting workers, so no worker runs as root.");

    /** {@code -g/--group}: the group to become after binding. */
    public static final Setting GROUP = new Setting("group", "-g", "GROUP", null, false, ProcessSettings::nonBlank,
        "After binding, run as this group (name or gid); default: the --user's own group.");

    /** {@code --umask}: the file mode creation mask. */
    public static final Setting UMASK = Setting.single("umask", "OCTAL", null,
        value -> Privileges.parse(null, null, value).umask(),
        "File mode creation mask (e.g. 027) set before the socket, the pid file and any worker are created.");

    /** {@code --reload}: development mode. */
    public static final Setting RELOAD = Setting.flag("reload",
        "Development: when a class or jar on the class path or --classpath changes, replace the workers as "
            + "SIGHUP does; without --workers, runs a master with one worker.");

    private ProcessSettings() {
    }

    /** @param values the parsed settings @return the threads the server serves connections on */
    public static ConnectionThreads connectionThreads(Map<Setting, Object> values) {
        return "threads".equals(values.get(WORKER_CLASS))
            ? ConnectionThreads.pool((Integer) values.get(THREADS)) : ConnectionThreads.VIRTUAL;
    }

    /**
     * @param values the parsed settings
     * @param loader where the hooks class is looked up (the application's class loader)
     * @param log    where failing hooks are reported
     * @return hooks, privileges and reload for the master (or the single process)
     * @throws IllegalArgumentException with one line for a missing hooks class
     */
    public static MasterOptions masterOptions(Map<Setting, Object> values, ClassLoader loader, PrintStream log) {
        return MasterOptions.NONE
            .withHooks(HookRunner.load((String) values.get(HOOKS), loader, log))
            .withPrivileges(privileges(values))
            .withReload(Boolean.TRUE.equals(values.get(RELOAD)),
                ServeSettings.classPath((List<?>) values.get(ServeSettings.CLASSPATH)));
    }

    /** @param values the parsed settings @return {@code --user}, {@code --group}, {@code --umask} */
    static Privileges privileges(Map<Setting, Object> values) {
        Integer umask = (Integer) values.get(UMASK);
        return new Privileges((String) values.get(USER), (String) values.get(GROUP), umask == null ? -1 : umask);
    }

    /**
     * @param settings the effective settings
     * @return the master's options, the hooks class looked up on the class path and {@code --classpath}
     * @throws CommandFailure with {@link ExitCode#USAGE} for a missing hooks class
     */
    static MasterOptions master(EffectiveSettings settings) {
        ClassLoader loader = ServedApp.classLoader(ServeSettings.classPath((List<?>) settings.value(ServeSettings.CLASSPATH)));
        try {
            return masterOptions(settings.values(), loader, System.err);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** @param settings the effective settings @return whether {@code --preload} is on */
    static boolean preload(EffectiveSettings settings) {
        return Boolean.TRUE.equals(settings.value(PRELOAD));
    }

    /** @param settings the effective settings @return whether {@code --reload} is on */
    static boolean reload(EffectiveSettings settings) {
        return Boolean.TRUE.equals(settings.value(RELOAD));
    }

    private static String className(String value) {
        if (!value.strip().matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
            throw new IllegalArgumentException("'" + value + "' is not a class name");
        }
        return value.strip();
    }

    private static String nonBlank(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return value.strip();
    }

    private static String workerClass(String value) {
        if (!value.equals("virtual") && !value.equals("threads")) {
            throw new IllegalArgumentException("'" + value + "' is not a worker class: use virtual or threads");
        }
        return value;
    }
}
