package io.gatehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test harness: {@code gatehouse serve ...} as a real process ({@link Main} on this module's class
 * path), its stdout and stderr in one log file that tests wait on.
 */
final class ServeProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern LISTENING = Pattern.compile("Listening at: https?://[^:]+:(\\d+) \\((\\d+)\\)");
    static final Pattern READY = Pattern.compile("worker \\d+ is ready");
    static final Pattern SERVING = Pattern.compile("Gatehouse serving \\S+ on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code gatehouse serve} with these arguments and extra environment variables. */
    static ServeProcess start(Path dir, Map<String, String> env, String... serveArguments) throws IOException {
        Path log = dir.resolve("serve-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(serveArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("GATEHOUSE_ARGS");
        builder.environment().putAll(env);
        return new ServeProcess(builder.start(), log);
    }

    int port() throws Exception {
        return Integer.parseInt(awaitLog(LISTENING, 1).group(1));
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code pattern} occurs {@code times} times in the log; returns the last match. */
    Matcher awaitLog(Pattern pattern, int times) throws Exception {
        return awaitFile(log, pattern, times);
    }

    /**
     * Waits until {@code pattern} occurs {@code times} times in {@code file} (an empty pattern: until
     * the file exists); returns the last match.
     */
    Matcher awaitFile(Path file, Pattern pattern, int times) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Matcher> found = new ArrayList<>();
            // A file that does not exist yet matches nothing, not even an empty pattern.
            Matcher matcher = pattern.matcher(Files.exists(file) ? Files.readString(file) : "");
            while (Files.exists(file) && matcher.find()) {
                Matcher one = pattern.matcher(matcher.group());
                one.find();
                found.add(one);
            }
            if (found.size() >= times) {
                return found.getLast();
            }
            if (!process.isAlive()) {
                throw new AssertionError("gatehouse exited (" + process.exitValue() + ") before '" + pattern
                    + "' x" + times + ":\n" + log());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + pattern + "' x" + times + " within " + WAIT + ":\n" + log());
    }

    /** Sends a signal by name (TERM, HUP) with kill(1). */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    int awaitExit() throws Exception {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("gatehouse still running after " + WAIT + ":\n" + log());
        }
        return process.exitValue();
    }

    /** @return the whole response to one GET on a fresh connection that asks to close */
    static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
