package io.gatehouse.cli;

import java.io.Serial;
import java.util.Objects;

/**
 * A command cannot go on: one line for the user and the exit code to end with. Thrown from a
 * command, caught once by {@link Main}, which prints {@code gatehouse: <message>}.
 *
 * {@snippet :
 * throw new CommandFailure(ExitCode.CANNOT_BIND, "cannot bind 127.0.0.1:8000: Address already in use");
 * }
 */
public final class CommandFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    /**
     * @param exitCode what the process exits with
     * @param message  one readable line naming the problem
     */
    public CommandFailure(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** @return what the process exits with */
    public ExitCode exitCode() {
        return exitCode;
    }
}
