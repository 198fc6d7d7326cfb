package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The master's error log: each line starts with the UTC time to the millisecond, so reload and
 * restart timings can be read from the log. {@link #log} writes the master's own lines when
 * {@code --log-level} lets them through; {@link #println} always writes (what a worker's JVM prints
 * on its pipe, a thread dump already asked for).
 *
 * {@snippet :
 * TimestampedLog log = new TimestampedLog(System.err, LogLevel.INFO);
 * log.log(LogLevel.INFO, "[master] Booting worker 42");   // 2026-01-01T10:00:00.123Z [master] Booting worker 42
 * log.log(LogLevel.DEBUG, "[master] not written at info");
 * }
 */
final class TimestampedLog extends PrintStream {

    private final LogLevel threshold;

    TimestampedLog(PrintStream target, LogLevel threshold) {
        super(target, true);
        this.threshold = threshold;
    }

    @Override
    public void println(String line) {
        super.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
    }

    /** @param level how severe the line is @param line the line, written when the threshold allows it */
    void log(LogLevel level, String line) {
        if (threshold.allows(level)) {
            println(line);
        }
    }

    /** @param level a line's level @return whether such a line is written: check before building a costly one */
    boolean allows(LogLevel level) {
        return threshold.allows(level);
    }
}
