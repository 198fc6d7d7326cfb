package io.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the runnable jar: builds the command line, runs it, and turns every failure
 * into one line on stderr and an {@link ExitCode}.
 *
 * {@snippet :
 * int code = Main.run(new String[] {"serve", "--help"}, System.out, System.err);
 * }
 */
public final class Main {

    private Main() {
    }

    /** @param args the command line; the process exits with the command's {@link ExitCode} */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line without exiting, for tests and embedding.
     *
     * @param args the arguments after {@code gatehouse}
     * @param out  where normal output goes
     * @param err  where errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /**
     * Runs a command line with a given environment (for {@code GATEHOUSE_ARGS}), for tests.
     *
     * @param args the arguments after {@code gatehouse}
     * @param out  where normal output goes
     * @param err  where errors go
     * @param env  the environment the commands see
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine line = commandLine(out, err);
        line.getSubcommands().get("serve").<ServeCommand>getCommand().environment(env);
        line.getSubcommands().get("check").<CheckCommand>getCommand().environment(env);
        return line.execute(args);
    }

    /** @param out normal output @param err errors @return the configured {@code gatehouse} command line */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new GatehouseCommand());
        CommandLine serve = line.getSubcommands().get("serve");
        SettingOptions.addTo(serve.getCommandSpec(), ServeSettings.ALL);
        CommandLine check = line.getSubcommands().get("check");
        SettingOptions.addTo(check.getCommandSpec(), ServeSettings.ALL);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((failure, args) -> {
            CommandLine command = failure.getCommandLine();
            command.getErr().println("gatehouse: " + oneLine(failure.getMessage()) + "; see '"
                + command.getCommandSpec().qualifiedName() + " --help'");
            return ExitCode.USAGE.code();
        });
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof CommandFailure known) {
                command.getErr().println("gatehouse: " + oneLine(known.getMessage()));
                return known.exitCode().code();
            }
            command.getErr().println("gatehouse: " + oneLine(failure.toString()));
            return ExitCode.FAILURE.code();
        });
        for (CommandLine command : List.of(line, serve, check)) {
            exitCodes(command.getCommandSpec().usageMessage());
        }
        return line;
    }

    private static void exitCodes(UsageMessageSpec usage) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.format("%3d", code.code()), code.meaning());
        }
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
