package io.gatehouse.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How severe one of Gatehouse's own error-log lines is, and the threshold {@code --log-level}
 * sets: a line is written when its level is at least the threshold. The names are Gunicorn's.
 *
 * <p>Only what Gatehouse itself writes is filtered; what the application writes to
 * {@code gateway.errors} and the access log always go out.
 *
 * {@snippet :
 * LogLevel threshold = LogLevel.parse("Warning");     // case-insensitive
 * if (threshold.allows(LogLevel.DEBUG)) {             // check before building a costly line
 *     log.println("gatehouse: " + expensiveDetail());
 * }
 * }
 */
public enum LogLevel {
    /** Detail for chasing a problem: each rejected request, late heartbeats, the settings a reload gives. */
    DEBUG,
    /** The normal life of the process: listening, booting, reloading, stopping. */
    INFO,
    /**
     * Something was refused or repaired and serving goes on: a bad PROXY header, a dropped header, a
     * worker that exited unexpectedly.
     */
    WARNING,
    /** A request or a worker failed: an application exception, a broken response, a hung worker. */
    ERROR,
    /** The process cannot go on: workers that can never boot, a master that cannot start. */
    CRITICAL;

    /** The names {@link #parse} accepts, for error messages and docs: {@code debug|info|...}. */
    public static final String NAMES = Arrays.stream(values()).map(LogLevel::label)
        .collect(Collectors.joining("|"));

    /**
     * @param text a level name, in any case
     * @return the level
     * @throws IllegalArgumentException naming the allowed values
     */
    public static LogLevel parse(String text) {
        for (LogLevel level : values()) {
            if (level.name().equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a log level; use one of " + NAMES);
    }

    /** @param line the level of a line @return whether this threshold lets it through */
    public boolean allows(LogLevel line) {
        return line.compareTo(this) >= 0;
    }

    /** @return the lower-case name, as written on the command line */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
