package io.gatehouse.cli;

/**
 * The process exit codes of {@code gatehouse}, one per kind of outcome, so scripts can tell them
 * apart; {@code --help} and {@code docs/settings.md} list them from here.
 *
 * {@snippet :
 * return ExitCode.CANNOT_BIND.code();   // 4
 * }
 */
public enum ExitCode {
    /** Finished normally, including a graceful stop on SIGTERM or SIGINT. */
    OK(0, "success, including a graceful stop on SIGTERM or SIGINT"),
    /** Something failed while running. */
    FAILURE(1, "runtime failure"),
    /** The command line is wrong. */
    USAGE(2, "usage error: unknown option, bad value, missing argument"),
    /** The application class or member cannot be loaded. */
    APP_NOT_LOADABLE(3, "the application cannot be loaded"),
    /** A listening address cannot be bound. */
    CANNOT_BIND(4, "an address cannot be bound (in use, not permitted, not local)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the number the process exits with */
    public int code() {
        return code;
    }

    /** @return what the code means, for help and docs */
    public String meaning() {
        return meaning;
    }
}
