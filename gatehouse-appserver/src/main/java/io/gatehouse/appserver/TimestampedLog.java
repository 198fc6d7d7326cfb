package io.gatehouse.appserver;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The master's error log: each line starts with the UTC time to the millisecond, so reload and
 * restart timings can be read from the log.
 *
 * {@snippet :
 * PrintStream log = new TimestampedLog(System.err);
 * log.println("[master] Booting worker 42");   // 2026-01-01T10:00:00.123Z [master] Booting worker 42
 * }
 */
final class TimestampedLog extends PrintStream {

    TimestampedLog(PrintStream target) {
        super(target, true);
    }

    @Override
    public void println(String line) {
        super.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
    }
}
