package io.gatehouse.cli;

import io.gatehouse.appserver.Arbiter;
import io.gatehouse.appserver.ArbiterConfig;
import io.gatehouse.appserver.MasterOptions;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        MasterOptions options = ProcessSettings.master(settings);
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
        List<InetSocketAddress> binds = (List<InetSocketAddress>) settings.value(ServeSettings.BIND);
        if (binds.size() != 1) {
            throw new CommandFailure(ExitCode.USAGE, "--workers serves one --bind address for now, got "
                + binds.size());
        }
        long maxRequests = (Long) settings.value(ServeSettings.MAX_REQUESTS);
        long jitter = (Long) settings.value(ServeSettings.MAX_REQUESTS_JITTER);
        try {
            return ArbiterConfig.defaults(settings.app())
                .withBind(binds.getFirst())
                .withBacklog((Integer) settings.value(ServeSettings.BACKLOG))
                // --reload without --workers: a master with one worker (a JVM cannot unload classes in place)
                .withWorkers(Math.max(1, (Integer) settings.value(ServeSettings.WORKERS)))
                .withWorkerMain(ServeWorker.class.getName(), jvmOptions())
                .withTimeouts((Duration) settings.value(ServeSettings.TIMEOUT),
                    (Duration) settings.value(ServeSettings.GRACEFUL_TIMEOUT))
                .withMaxRequests(maxRequests, jitter)
                .withMaxBootFailures((Integer) settings.value(ServeSettings.MAX_BOOT_FAILURES))
                .withPidFile((Path) settings.value(ServeSettings.PID_FILE))
                .withWorkerArguments(workerArguments);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** @return this JVM's options (heap, sharing, native access...), for workers to run like the master */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> NOT_INHERITED.stream().noneMatch(option::startsWith))
            .toList();
    }
}
