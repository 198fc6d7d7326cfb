package io.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code gatehouse serve ARGS} as a real process ({@link Main} on this module's class path), up
 * once it printed its startup line; {@link #close()} sends SIGTERM and expects exit code 0.
 *
 * @param process the JVM
 * @param port    the first TCP port in the startup line, or -1
 * @param output  every line it printed so far (all of them once closed)
 * @param drain   the thread reading the rest of its output
 */
record RunningServe(Process process, int port, List<String> output, Thread drain) implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    static RunningServe start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** @param prefix words before the java command, such as a socket-activation wrapper */
    static RunningServe start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new CopyOnWriteArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("Gatehouse serving ")) {
                // Keep draining the output so that the server never blocks on a full pipe.
                // A platform thread: a blocking pipe read would hold one of the few virtual-thread carriers.
                Thread drain = Thread.ofPlatform().daemon().start(() -> out.lines().forEach(seen::add));
                Matcher url = URL.matcher(line);
                return new RunningServe(process, url.find() ? Integer.parseInt(url.group(1)) : -1, seen, drain);
            }
        }
        fail("'gatehouse serve " + String.join(" ", args) + "' ended before it listened: " + seen);
        throw new AssertionError();
    }

    /** Waits (bounded) until a line starting with {@code prefix} was printed; fails with the output otherwise. */
    void awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (output.stream().noneMatch(line -> line.startsWith(prefix))) {
            if (System.nanoTime() > deadline) {
                fail("no line starting with '" + prefix + "' in " + output);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();   // SIGTERM: a graceful stop
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        drain.join(5_000);
        assertEquals(0, process.exitValue(), "exit code after SIGTERM; output: " + output);
    }
}
