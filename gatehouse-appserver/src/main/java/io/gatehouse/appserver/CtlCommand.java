package io.gatehouse.appserver;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code gatehouse ctl ACTION --pid-file F}: the master's signals for people who prefer commands.
 *
 * <table>
 *   <caption>Actions</caption>
 *   <tr><td>reload</td><td>HUP: new workers with the current code, old ones retire one by one</td></tr>
 *   <tr><td>stop</td><td>TERM: graceful stop</td></tr>
 *   <tr><td>quick-stop</td><td>INT: stop at once</td></tr>
 *   <tr><td>add-worker / remove-worker</td><td>TTIN / TTOU</td></tr>
 *   <tr><td>reopen-logs</td><td>USR1</td></tr>
 *   <tr><td>status</td><td>prints the master's pid and its workers' pids; exit 1 if not running</td></tr>
 * </table>
 *
 * {@snippet :
 * int code = new CommandLine(new CtlCommand()).execute("reload", "--pid-file", "/run/gatehouse.pid");
 * }
 */
@Command(name = "ctl", mixinStandardHelpOptions = true, description = "Control a running master.")
public final class CtlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION",
        description = "reload, stop, quick-stop, status, reopen-logs, add-worker, remove-worker")
    String action;

    @Option(names = {"-p", "--pid-file"}, required = true, description = "The master's pid file.")
    Path pidFile;

    private final PrintStream out;

    /** Prints to standard output. */
    public CtlCommand() {
        this(System.out);
    }

    CtlCommand(PrintStream out) {
        this.out = out;
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CtlCommand()).execute(args));
    }

    @Override
    public Integer call() {
        String signal = switch (action) {
            case "reload" -> "HUP";
            case "stop" -> "TERM";
            case "quick-stop" -> "INT";
            case "reopen-logs" -> "USR1";
            case "add-worker" -> "TTIN";
            case "remove-worker" -> "TTOU";
            case "status" -> null;
            default -> "?";
        };
        if ("?".equals(signal)) {
            System.err.println("gatehouse ctl: unknown action '" + action + "'");
            return 2;
        }
        try {
            long pid = PidFile.read(pidFile);
            Optional<ProcessHandle> master = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (master.isEmpty()) {
                System.err.println("gatehouse ctl: no master running with pid " + pid + " (from " + pidFile + ")");
                return 1;
            }
            if (signal == null) {
                String children = master.get().children().map(child -> Long.toString(child.pid()))
                    .collect(Collectors.joining(" "));
                out.println("master " + pid + " running; workers: " + children);
                return 0;
            }
            Libc.kill(pid, Signals.number(signal));
            out.println("sent " + signal + " to master " + pid);
            return 0;
        } catch (IOException e) {
            System.err.println("gatehouse ctl: " + e.getMessage());
            return 1;
        }
    }
}
