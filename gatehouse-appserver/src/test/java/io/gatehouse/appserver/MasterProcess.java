package io.gatehouse.appserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test harness: a real master JVM ({@link ServeWorkersCommand}) started as a child of the test, its error
 * log captured in a file, with bounded waits on what it logs.
 */
final class MasterProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern READY = Pattern.compile("worker \\d+ is ready");
    private static final Pattern LISTENING = Pattern.compile("Listening at: http://[^:]+:(\\d+) \\((\\d+)\\)");

    private final Process process;
    private final Path log;

    private MasterProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a master running {@link FixedResponseWorker}s with {@code arguments} added. */
    static MasterProcess startFixed(Path dir, String... arguments) throws IOException {
        return startFixedOn(dir, "127.0.0.1:0", arguments);
    }

    /** Starts a master running {@link FixedResponseWorker}s on {@code bind}, with {@code arguments} added. */
    static MasterProcess startFixedOn(Path dir, String bind, String... arguments) throws IOException {
        List<String> args = new ArrayList<>(List.of(HelloApplication.class.getName(),
            "--bind", bind, "--worker-main", FixedResponseWorker.class.getName(),
            "--worker-jvm-option=--enable-native-access=ALL-UNNAMED",
            "--worker-jvm-option=-Xshare:auto", "--worker-jvm-option=-XX:TieredStopAtLevel=1"));
        args.addAll(List.of(arguments));
        return start(dir, args);
    }

    static MasterProcess start(Path dir, List<String> arguments) throws IOException {
        return start(dir, null, arguments);
    }

    /** Starts a master whose class path (and so its workers') has {@code extraClassPath} appended. */
    static MasterProcess start(Path dir, String extraClassPath, List<String> arguments) throws IOException {
        String classPath = System.getProperty("java.class.path")
            + (extraClassPath == null ? "" : java.io.File.pathSeparator + extraClassPath);
        Path log = dir.resolve("master-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", classPath, ServeWorkersCommand.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        return new MasterProcess(process, log);
    }

    /** Waits until {@code workers} workers in all have reported ready since the start. */
    void awaitReady(int workers) throws Exception {
        awaitLog(READY, workers);
    }

    long pid() {
        return process.pid();
    }

    int port() throws Exception {
        return Integer.parseInt(awaitLog(LISTENING, 1).group(1));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code pattern} occurs {@code times} times in the log; returns the last match. */
    Matcher awaitLog(Pattern pattern, int times) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(log());
            int found = 0;
            Matcher last = null;
            while (matcher.find()) {
                found++;
                last = pattern.matcher(matcher.group());
                last.find();
            }
            if (found >= times) {
                return last;
            }
            if (!process.isAlive()) {
                throw new AssertionError("master exited (" + process.exitValue() + ") before '" + pattern
                    + "' x" + times + ":\n" + log());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + pattern + "' x" + times + " within " + WAIT + ":\n" + log());
    }

    /** @return occurrences of {@code pattern} in the log so far */
    int count(Pattern pattern) throws IOException {
        return (int) pattern.matcher(log()).results().count();
    }

    void signal(String name) throws IOException {
        Libc.kill(process.pid(), Signals.number(name));
    }

    /** @return the exit code, within the bounded wait */
    int awaitExit() throws Exception {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("master still running after " + WAIT + ":\n" + log());
        }
        return process.exitValue();
    }

    List<Long> workerPids() {
        return process.children().map(ProcessHandle::pid).toList();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
