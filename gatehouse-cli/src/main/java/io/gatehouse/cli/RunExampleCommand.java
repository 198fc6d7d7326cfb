package io.gatehouse.cli;

import examples.rawsocket.RawSocketServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse run-example NAME [ARGS...]}: runs one of the seed's stand-alone examples from the
 * runnable jar, so a user needs no class path. The only one so far is {@code rawsocket}.
 *
 * {@snippet :
 * // shell: ./gatehouse run-example rawsocket 8000
 * }
 */
@Command(name = "run-example", mixinStandardHelpOptions = true, versionProvider = GatehouseCommand.Version.class,
    description = "Run one of the seed's stand-alone examples.",
    footer = {"", "Examples:",
        "  rawsocket [PORT]  the seed's raw-socket server on 127.0.0.1, port 8000 unless",
        "                    given (0 picks a free one); prints each request and answers",
        "                    it with a fixed response"})
public final class RunExampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The example: ${COMPLETION-CANDIDATES}.",
        completionCandidates = Names.class)
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Passed to the example.")
    private List<String> args = List.of();

    @Override
    public Integer call() {
        if (!name.equals("rawsocket")) {
            throw new CommandFailure(ExitCode.USAGE, "no example '" + name + "'; try: rawsocket");
        }
        try {
            RawSocketServer.main(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.CANNOT_BIND, "rawsocket: " + e.getMessage());
        }
        return ExitCode.OK.code();
    }

    /** The example names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("rawsocket").iterator();
        }
    }
}
