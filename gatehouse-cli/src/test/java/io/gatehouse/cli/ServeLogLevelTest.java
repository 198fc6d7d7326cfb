package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --log-level} through real {@code gatehouse serve} processes: which of Gatehouse's own
 * error-log lines appear, in one process and in a master with a worker, and that what the
 * application writes to {@code gateway.errors} is never filtered.
 */
class ServeLogLevelTest {

    private static final String APP = "io.gatehouse.cli.fixtures.Noisy";
    /** Two Host fields: rejected with 400 (RFC 9112 section 3.2), logged at debug only. */
    private static final String BAD_REQUEST = "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n";
    private static final Pattern WARNING = Pattern.compile("gatehouse: dropped hop-by-hop response header Keep-Alive");
    private static final Pattern ERROR = Pattern.compile("gatehouse: application failed on GET /fail");
    private static final Pattern REJECTED = Pattern.compile(
        "gatehouse: rejected a request from 127\\.0\\.0\\.1:\\d+ with 400: MULTIPLE_HOST \\(RFC 9112 section 3\\.2\\)");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void atTheDefaultLevelAWarningShowsAndADebugLineDoesNot() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--bind", "127.0.0.1:0")) {
            int port = servingPort(serve);
            assertTrue(send(port, BAD_REQUEST).startsWith("HTTP/1.1 400 "));
            assertTrue(ServeProcess.get(port, "/hop").startsWith("HTTP/1.1 200 "));
            serve.awaitLog(WARNING, 1);
            String log = serve.log();
            // The rejection came first: had it been logged, its line would be there by now.
            assertFalse(REJECTED.matcher(log).find(), log);
            assertFalse(log.contains("gatehouse: effective settings:"), log);
            assertTrue(log.contains("noisy app: handling /hop"), log);
            stop(serve);
        }
    }

    @Test
    @Timeout(120)
    void errorHidesTheWarningButKeepsTheErrorAndWhatTheApplicationWrites() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--bind", "127.0.0.1:0",
                "--log-level", "error")) {
            int port = servingPort(serve);
            assertTrue(ServeProcess.get(port, "/hop").startsWith("HTTP/1.1 200 "));
            assertTrue(ServeProcess.get(port, "/fail").startsWith("HTTP/1.1 500 "));
            serve.awaitLog(ERROR, 1);
            String log = serve.log();
            assertFalse(WARNING.matcher(log).find(), log);
            assertTrue(log.contains("noisy app: handling /hop"), log);
            assertTrue(log.contains("java.lang.IllegalStateException: noisy app fails on purpose"), log);
            stop(serve);
            assertFalse(serve.log().contains("Gatehouse stopping"), "the stopping line is info: " + serve.log());
        }
    }

    @Test
    @Timeout(120)
    void debugAddsTheRejectedRequestAndTheEffectiveSettingsInAnyCase() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--bind", "127.0.0.1:0",
                "--log-level", "DEBUG")) {
            int port = servingPort(serve);
            assertTrue(send(port, BAD_REQUEST).startsWith("HTTP/1.1 400 "));
            serve.awaitLog(REJECTED, 1);
            assertTrue(serve.log().contains("gatehouse: effective settings: " + APP + " "), serve.log());
            assertTrue(serve.log().contains("--log-level=DEBUG"), serve.log());
            stop(serve);
        }
    }

    @Test
    @Timeout(180)
    void theMasterAndItsWorkerBothFollowTheLevel() throws Exception {
        Path socket = dir.resolve("gatehouse.sock");
        Path errors = dir.resolve("error.log");
        // At error level the master does not say where it listens: a Unix socket has a known path.
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--workers", "1", "--bind",
                "unix:" + socket, "--error-log", errors.toString(), "--log-level", "error")) {
            failOnce(serve, socket, errors);
            String log = Files.readString(errors);
            assertFalse(log.contains("[master] Booting worker"), log);       // the master's info
            assertFalse(log.contains("is ready"), log);
            assertFalse(Pattern.compile("\\[worker \\d+] serving").matcher(log).find(), log);   // the worker's info
            assertTrue(log.contains("noisy app: handling /fail"), log);
            stop(serve);
            assertFalse(Files.readString(errors).contains("[master] Shutting down"), Files.readString(errors));
        }
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--workers", "1", "--bind", "127.0.0.1:0",
                "--log-level", "debug")) {
            int port = serve.port();
            serve.awaitLog(ServeProcess.READY, 1);
            serve.awaitLog(Pattern.compile("\\[master] Settings resolved; new workers get: " + Pattern.quote(APP)
                + " .*--log-level=debug"), 1);
            assertTrue(send(port, BAD_REQUEST).startsWith("HTTP/1.1 400 "));
            serve.awaitLog(REJECTED, 1);   // written by the worker
            stop(serve);
        }
    }

    @Test
    @Timeout(180)
    void aReloadGivesNewWorkersTheLevelTheConfigFileNowSaysAndTheMasterKeepsItsOwn() throws Exception {
        Path socket = dir.resolve("gatehouse.sock");
        Path errors = dir.resolve("error.log");
        Path config = dir.resolve("gatehouse.toml");
        Files.writeString(config, "log-level = \"error\"\n");
        Pattern serving = Pattern.compile("\\[worker \\d+] serving " + Pattern.quote(APP));
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), APP, "--config", config.toString(),
                "--workers", "1", "--bind", "unix:" + socket, "--error-log", errors.toString())) {
            failOnce(serve, socket, errors);
            assertFalse(serving.matcher(Files.readString(errors)).find(), Files.readString(errors));

            Files.writeString(config, "log-level = \"info\"\n");
            serve.signal("HUP");
            serve.awaitFile(errors, serving, 1);   // the new worker logs at info
            String log = Files.readString(errors);
            assertFalse(log.contains("[master] Booting worker"), "the master keeps error: " + log);
            assertFalse(log.contains("[master] Handling signal"), log);
            stop(serve);
        }
    }

    @Test
    void aBadLevelIsOneLineNamingTheSettingAndTheLevelsExitTwo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve", "--log-level", "loud"}, new PrintStream(out, true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, error);
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.contains("--log-level"), error);
        assertTrue(error.contains("'loud' is not a log level; use one of debug|info|warning|error|critical"), error);

        Path file = dir.resolve("gatehouse.toml");
        Files.writeString(file, "log-level = \"verbose\"\n");
        err.reset();
        code = Main.run(new String[] {"check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(2, code);
        assertEquals("gatehouse: " + file + ":1: log-level: 'verbose' is not a log level; use one of "
            + "debug|info|warning|error|critical (expected LEVEL)", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void checkShowsTheLevelAndWhereItCameFrom() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"check"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err, Map.of()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("log-level = \"info\"  # default\n"), out.toString());
        out.reset();
        assertEquals(0, Main.run(new String[] {"check"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err, Map.of("GATEHOUSE_ARGS", "--log-level warning")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("log-level = \"warning\"  # env\n"), out.toString());
    }

    /** @return the port in the single process's startup line, on stdout at every level */
    private static int servingPort(ServeProcess serve) throws Exception {
        return Integer.parseInt(serve.awaitLog(ServeProcess.SERVING, 1).group(1));
    }

    /** GET /fail through the master's Unix socket (queued there until a worker accepts), and its error line. */
    private static void failOnce(ServeProcess serve, Path socket, Path errors) throws Exception {
        awaitSocketFile(socket);
        assertTrue(sendUnix(socket, "GET /fail HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            .startsWith("HTTP/1.1 500 "));
        serve.awaitFile(errors, ERROR, 1);
    }

    private static void awaitSocketFile(Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + ServeProcess.WAIT.toNanos();
        while (!Files.exists(socket)) {
            assertTrue(System.nanoTime() < deadline, "no socket file " + socket);
            Thread.sleep(50);
        }
    }

    private static void stop(ServeProcess serve) throws Exception {
        serve.signal("TERM");
        assertEquals(0, serve.awaitExit(), serve.log());
    }

    /** @return the whole answer to raw bytes sent on a fresh loopback connection */
    private static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ServeProcess.WAIT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String sendUnix(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
