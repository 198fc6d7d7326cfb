package io.gatehouse.cli;

import io.gatehouse.appserver.Arbiter;
import io.gatehouse.appserver.ArbiterConfig;
import io.gatehouse.appserver.MasterOptions;
import io.gatehouse.server.LogLevel;

import java.lang.management.ManagementFactory;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code gatehouse serve --workers N}: runs the {@link Arbiter} (the master) with N worker JVMs
 * started as {@link ServeWorker}. The supervision settings ({@link ServeSettings#SUPERVISION})
 * configure the master; every other effective setting is handed to each new worker as flags, and
 * is resolved again on SIGHUP.
 *
 * {@snippet :
 * int code = ServeMaster.run(settings, () -> resolveAgain());
 * }
 */
final class ServeMaster {

    /** JVM options of this process that must not be copied into workers (one debugger port, one agent). */
    private static final List<String> NOT_INHERITED = List.of("-agentlib:", "-agentpath:", "-javaagent:",
        "-Xrunjdwp", "-Xdebug");

    /** What the master itself runs with; a reload does not change these. */
    private static final List<Setting> MASTER_ONLY = List.of(ServeSettings.WORKERS, ServeSettings.TIMEOUT,
        ServeSettings.MAX_REQUESTS, ServeSettings.MAX_REQUESTS_JITTER, ServeSettings.PID_FILE,
        ServeSettings.MAX_BOOT_FAILURES, ServeSettings.BIND, ServeSettings.BACKLOG, ProcessSettings.USER,
        ProcessSettings.GROUP, ProcessSettings.UMASK, ProcessSettings.RELOAD, ProcessSettings.PRELOAD);

    private ServeMaster() {
    }

    /**
     * @param settings the effective settings
     * @param reload   resolves the settings again (config file, environment, flags) on SIGHUP
     * @return the master's exit code
     */
    static int run(EffectiveSettings settings, Supplier<EffectiveSettings> reload) {
        ArbiterConfig config = config(settings, () -> {
            try {
                EffectiveSettings fresh = reload.get();
                ServedApp.config(fresh);
                List<String> kept = MASTER_ONLY.stream()
                    .filter(setting -> !Objects.equals(fresh.value(setting), settings.value(setting)))
                    .map(Setting::name).toList();
                if (!kept.isEmpty() && level(settings).allows(LogLevel.WARNING)) {
                    System.err.println("gatehouse: reload: " + String.join(", ", kept) + " changed; the master "
                        + "applies that at its next start, the workers get every other setting now");
                }
                return fresh.workerArguments();
            } catch (CommandFailure e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
        ServeLogs logs = ServeLogs.open(settings, false);
        logs.redirectStandardError();
        if (ProcessSettings.preload(settings)) {
            ServedApp.application(settings);   // --preload: a broken app fails here, exit 3, before any worker
        }
        MasterOptions options = ProcessSettings.master(settings)
            .withUrlScheme(settings.value(ServeSettings.CERTFILE) == null ? "http" : "https");
        return new Arbiter(config.withErrorLog(logs.errors(), logs::reopen), options).run();
    }

    /**
     * @param settings        the effective settings, already checked by {@link ServedApp#config}
     * @param workerArguments what each new worker gets
     * @return the master's configuration
     */
    static ArbiterConfig config(EffectiveSettings settings, ArbiterConfig.WorkerArguments workerArguments) {
        ServedApp.config(settings);
        @SuppressWarnings("unchecked")
        List<SocketAddress> binds = (List<SocketAddress>) settings.value(ServeSettings.BIND);
        long maxRequests = (Long) settings.value(ServeSettings.MAX_REQUESTS);
        long jitter = (Long) settings.value(ServeSettings.MAX_REQUESTS_JITTER);
        try {
            return ArbiterConfig.defaults(settings.app())
                .withBinds(binds)
                .withBacklog((Integer) settings.value(ServeSettings.BACKLOG))
                // --reload without --workers: a master with one worker (a JVM cannot unload classes in place)
                .withWorkers(Math.max(1, (Integer) settings.value(ServeSettings.WORKERS)))
                .withWorkerMain(ServeWorker.class.getName(), jvmOptions())
                .withTimeouts((Duration) settings.value(ServeSettings.TIMEOUT),
                    (Duration) settings.value(ServeSettings.GRACEFUL_TIMEOUT))
                .withMaxRequests(maxRequests, jitter)
                .withMaxBootFailures((Integer) settings.value(ServeSettings.MAX_BOOT_FAILURES))
                .withPidFile((Path) settings.value(ServeSettings.PID_FILE))
                .withWorkerArguments(workerArguments)
                .withLogLevel(level(settings));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** @return the master's {@code --log-level}: a reload does not change it, new workers take the new one */
    private static LogLevel level(EffectiveSettings settings) {
        return (LogLevel) settings.value(ServeSettings.LOG_LEVEL);
    }

    /** @return this JVM's options (heap, sharing, native access...), for workers to run like the master */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> NOT_INHERITED.stream().noneMatch(option::startsWith))
            .toList();
    }
}
