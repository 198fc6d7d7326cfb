package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access and error logs of {@code gatehouse serve}: formats, files, and reopening them for logrotate. */
class ServeLogsTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void oneProcessLogsInTheGivenFormatAndReopensTheFileOnUsr1() throws Exception {
        Path access = dir.resolve("access.log");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "--bind", "127.0.0.1:0", "--access-log",
                access.toString(), "--access-log-format", "%m %U?%q %s %b %D")) {
            int port = Integer.parseInt(serve.awaitLog(ServeProcess.SERVING, 1).group(1));
            ServeProcess.get(port, "/one?x=1");
            serve.awaitFile(access, Pattern.compile("GET /one\\?x=1 200 14 \\d+\\n"), 1);

            Path rotated = dir.resolve("access.log.1");
            Files.move(access, rotated);
            serve.signal("USR1");
            // The server reopens asynchronously: a request logged after that goes to the new file.
            serve.awaitFile(access, Pattern.compile(""), 1);
            ServeProcess.get(port, "/two");
            serve.awaitFile(access, Pattern.compile("GET /two\\?- 200 14 \\d+\\n"), 1);
            List<String> old = Files.readAllLines(rotated);
            assertEquals(1, old.size(), old.toString());
            assertTrue(old.getFirst().startsWith("GET /one?x=1 200 14 "), old.toString());

            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }

    @Test
    @Timeout(120)
    void workersWriteJsonLinesAndTheErrorLogAndCtlReopensBoth() throws Exception {
        Path access = dir.resolve("access.log");
        Path errors = dir.resolve("error.log");
        Path pid = dir.resolve("gatehouse.pid");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "--workers", "1", "--bind", "127.0.0.1:0",
                "--pid-file", pid.toString(), "--access-log", access.toString(), "--access-log-format", "json",
                "--error-log", errors.toString())) {
            int port = Integer.parseInt(serve.awaitFile(errors, ServeProcess.LISTENING, 1).group(1));
            serve.awaitFile(errors, ServeProcess.READY, 1);
            serve.awaitFile(errors, Pattern.compile("\\[worker \\d+] serving examples.hello.HelloApp with "), 1);
            ServeProcess.get(port, "/three");
            serve.awaitFile(access, Pattern.compile("\\{\"time\":\"[^\"]+\",\"remote_addr\":\"127.0.0.1\","
                + "\"remote_user\":null,\"method\":\"GET\",\"uri\":\"/three\",\"protocol\":\"HTTP/1.1\","
                + "\"status\":200,\"bytes\":14,\"duration_us\":\\d+,"), 1);

            Files.move(access, dir.resolve("access.log.1"));
            Files.move(errors, dir.resolve("error.log.1"));
            assertEquals(0, ctl("reopen-logs", pid));
            serve.awaitFile(errors, Pattern.compile("\\[master] Reopened the log files"), 1);
            serve.awaitFile(access, Pattern.compile(""), 1);
            ServeProcess.get(port, "/four");
            serve.awaitFile(access, Pattern.compile("\"uri\":\"/four\""), 1);
            assertTrue(Files.readString(dir.resolve("access.log.1")).contains("\"uri\":\"/three\""));

            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
            assertTrue(Files.readString(errors).contains("[master] Shutting down, exit code 0"));
        }
    }

    @Test
    void aBadFormatIsOneLineNamingTheAtom() throws Exception {
        Path file = dir.resolve("gatehouse.toml");
        Files.writeString(file, "access-log-format = \"%h %Z\"\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"check", file.toString()}, new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(2, code);
        String line = err.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("gatehouse: " + file + ":1: access-log-format: ") && line.contains("%Z")
            && line.endsWith(" (expected FORMAT)\n"), line);
    }

    @Test
    void aLogFileThatCannotBeOpenedIsOneLineAndExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path missing = dir.resolve("no-such-dir").resolve("access.log");
        int code = Main.run(new String[] {"serve", "--bind", "127.0.0.1:0", "--access-log", missing.toString()},
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
        assertEquals(2, code);
        assertEquals("gatehouse: --access-log: cannot open log file " + missing + ": its directory does not exist\n",
            err.toString(StandardCharsets.UTF_8));
    }

    private static int ctl(String action, Path pid) {
        return Main.run(new String[] {"ctl", action, "--pid-file", pid.toString()}, System.out, System.err, Map.of());
    }
}
