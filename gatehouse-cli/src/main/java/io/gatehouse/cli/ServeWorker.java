package io.gatehouse.cli;

import io.gatehouse.appserver.HookRunner;
import io.gatehouse.appserver.RequestBudget;
import io.gatehouse.appserver.ServerWorkerService;
import io.gatehouse.appserver.WorkerMain;
import io.gatehouse.appserver.WorkerOptions;
import io.gatehouse.appserver.WorkerService;
import io.gatehouse.server.LogLevel;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of a worker JVM of {@code gatehouse serve --workers N}. The master passes the
 * resolved serve settings after {@code --}; the worker parses them with the same registry and builds
 * its server with {@link ServedApp}, exactly as a single process would. It reads neither the config
 * file nor {@code GATEHOUSE_ARGS}: the master has already applied them.
 *
 * {@snippet :
 * // what the master runs, with the listening sockets on descriptors 0, 3, 4, ... (one per bind):
 * // java -cp gatehouse.jar io.gatehouse.cli.ServeWorker --app APP ... -- APP --keep-alive=2
 * }
 */
public final class ServeWorker {

    private ServeWorker() {
    }

    /** @param args the worker options, then {@code --} and the serve arguments */
    public static void main(String[] args) {
        System.exit(WorkerMain.run(args, ServeWorker::boot));
    }

    static WorkerService boot(List<ServerSocketChannel> listeners, WorkerOptions options, RequestBudget budget) {
        try {
            EffectiveSettings settings = settings(options.serveArguments());
            ServedApp served = ServedApp.from(settings);
            served.logs().redirectStandardError();
            LogLevel level = served.config().logLevel();
            if (level.allows(LogLevel.INFO)) {
                System.err.println("[worker " + ProcessHandle.current().pid() + "] serving " + settings.app()
                    + " with " + describe(options.serveArguments()));
            }
            // --hooks: preRequest and postRequest run here; the master runs the others.
            HookRunner hooks = HookRunner.load((String) settings.value(ProcessSettings.HOOKS),
                Thread.currentThread().getContextClassLoader(), System.err);
            WorkerService server = new ServerWorkerService(listeners, hooks.around(served.application()),
                served.config(), budget);
            return new WorkerService() {
                @Override
                public void start() throws IOException {
                    server.start();
                }

                @Override
                public void stopGracefully() {
                    server.stopGracefully();
                }

                @Override
                public void reopenLogs() {
                    served.logs().reopen();
                }

                @Override
                public LogLevel logLevel() {
                    return level;
                }
            };
        } catch (CommandFailure e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * @param serveArguments {@link EffectiveSettings#workerArguments()} as the master resolved them
     * @return the settings they give, on top of the defaults
     * @throws CommandFailure when they do not parse
     */
    static EffectiveSettings settings(List<String> serveArguments) {
        List<String> line = new ArrayList<>(List.of("serve"));
        line.addAll(serveArguments);
        CommandSpec serve;
        try {
            serve = Main.commandLine(System.err, System.err).parseArgs(line.toArray(String[]::new))
                .subcommand().commandSpec();
        } catch (CommandLine.ParameterException e) {
            throw new CommandFailure(ExitCode.USAGE, "bad serve arguments from the master: " + e.getMessage());
        }
        return EffectiveSettings.resolve(List.of(SettingLayer.parsed(serve, SettingSource.FLAG,
            "the master's arguments")));
    }

    private static String describe(List<String> serveArguments) {
        List<String> flags = serveArguments.subList(1, serveArguments.size());
        return flags.isEmpty() ? "the default settings" : String.join(" ", flags);
    }
}
