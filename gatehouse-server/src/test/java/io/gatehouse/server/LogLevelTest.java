package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --log-level}: which of the server's own lines reach the error log, and what is never filtered. */
class LogLevelTest {

    private static final String BAD_REQUEST = "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n";

    /** Writes to gateway.errors, sets a hop-by-hop header (a warning), and fails on /fail (an error). */
    private static final Application NOISY = (environ, start) -> {
        environ.errors().println("app: wrote to gateway.errors");
        environ.errors().flush();
        if (environ.pathInfo().equals("/fail")) {
            throw new IllegalStateException("boom");
        }
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain"), Header.of("Connection", "keep-alive")));
        return Body.of("ok".getBytes(StandardCharsets.US_ASCII));
    };

    @Test
    void parsesGunicornsNamesInAnyCase() {
        assertEquals(LogLevel.DEBUG, LogLevel.parse("debug"));
        assertEquals(LogLevel.WARNING, LogLevel.parse("Warning"));
        assertEquals(LogLevel.CRITICAL, LogLevel.parse("CRITICAL"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LogLevel.parse("warn"));
        assertEquals("'warn' is not a log level; use one of debug|info|warning|error|critical", bad.getMessage());
    }

    @Test
    void aThresholdLetsThroughItsLevelAndAbove() {
        assertTrue(LogLevel.WARNING.allows(LogLevel.WARNING));
        assertTrue(LogLevel.WARNING.allows(LogLevel.ERROR));
        assertFalse(LogLevel.WARNING.allows(LogLevel.INFO));
        assertFalse(LogLevel.INFO.allows(LogLevel.DEBUG));
        assertEquals(LogLevel.INFO, ServerConfig.defaults().logLevel());
    }

    @Test
    void atTheDefaultLevelWarningsAndErrorsShowButRejectedRequestsDoNot() throws IOException {
        String log = exercise(LogLevel.INFO);
        assertTrue(log.contains("gatehouse: dropped hop-by-hop response header Connection"), log);
        assertTrue(log.contains("gatehouse: application failed on GET /fail"), log);
        assertFalse(log.contains("rejected a request"), log);
    }

    @Test
    void debugAddsEachRejectedRequestWithItsViolationAndPeer() throws IOException {
        String log = exercise(LogLevel.DEBUG);
        assertTrue(log.matches("(?s).*gatehouse: rejected a request from 127\\.0\\.0\\.1:\\d+ with 400: "
            + "MULTIPLE_HOST \\(RFC 9112 section 3.2\\).*"), log);
    }

    @Test
    void errorHidesWarningsButKeepsErrors() throws IOException {
        String log = exercise(LogLevel.ERROR);
        assertFalse(log.contains("dropped hop-by-hop"), log);
        assertTrue(log.contains("gatehouse: application failed on GET /fail"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: boom"), log);
    }

    @Test
    void criticalHidesErrorsButNeverWhatTheApplicationWrites() throws IOException {
        String log = exercise(LogLevel.CRITICAL);
        assertFalse(log.contains("gatehouse:"), log);
        assertEquals(2, log.split("app: wrote to gateway.errors", -1).length - 1, log);
    }

    /** @return the error log after a good request, a failing one and a rejected one */
    private static String exercise(LogLevel level) throws IOException {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // No Validator: it would stop the hop-by-hop header before the server's own defence logs it.
        Server server = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
            .withErrorLog(new PrintStream(errors, true, StandardCharsets.UTF_8)).withLogLevel(level), NOISY);
        server.start();
        try {
            try (RawClient client = RawClient.connect(server.addresses().get(0))) {
                assertEquals(200, client.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n").readResponse().status());
                assertEquals(500, client.send("GET /fail HTTP/1.1\r\nHost: a\r\n\r\n").readResponse().status());
            }
            try (RawClient client = RawClient.connect(server.addresses().get(0))) {
                assertEquals(400, client.send(BAD_REQUEST).readResponse().status());
            }
        } finally {
            server.stop();
        }
        return errors.toString(StandardCharsets.UTF_8);
    }
}
