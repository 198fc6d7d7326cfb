package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The master's log: a timestamp on every line, and {@code --log-level} on the master's own lines only. */
class TimestampedLogTest {

    @Test
    void theMastersLinesBelowTheLevelAreDroppedAndCopiedLinesAlwaysPass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TimestampedLog log = new TimestampedLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), LogLevel.WARNING);
        log.log(LogLevel.INFO, "[master] Booting worker 1");
        log.log(LogLevel.WARNING, "[master] worker 1 exited unexpectedly");
        log.log(LogLevel.CRITICAL, "[master] giving up");
        log.println("a line from a worker's pipe");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        String timestamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z ";
        assertTrue(lines[0].matches(timestamp + "\\[master] worker 1 exited unexpectedly"), lines[0]);
        assertTrue(lines[1].endsWith(" [master] giving up"), lines[1]);
        assertTrue(lines[2].endsWith(" a line from a worker's pipe"), lines[2]);
        assertFalse(log.allows(LogLevel.INFO));
        assertTrue(log.allows(LogLevel.ERROR));
    }
}
