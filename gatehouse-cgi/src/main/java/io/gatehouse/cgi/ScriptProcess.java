package io.gatehouse.cgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running CGI script and the three threads that tend it: one streams the request body to its
 * stdin, one copies its stderr to {@code gateway.errors}, and one kills it (with every process it
 * started) when the time limit passes.
 *
 * <p>Lifecycle: {@link #start} → the caller reads {@link #stdout()} → {@link #close()}, which kills
 * whatever is still running, so a client that goes away (the server closes the body) or a script
 * that overruns never leaves processes behind.
 *
 * {@snippet :
 * try (ScriptProcess script = ScriptProcess.start(file, env, environ.input(), environ.errors(), limit)) {
 *     ScriptResponseHead head = ScriptResponseHead.read(script.stdout(), false);
 * }
 * }
 */
final class ScriptProcess implements AutoCloseable {

    private static final Duration STDERR_DRAIN = Duration.ofSeconds(2);

    private final Process process;
    private final Thread stderrCopier;
    private final Thread watchdog;
    private volatile boolean timedOut;

    private ScriptProcess(Process process, InputStream requestBody, PrintStream errors, String name, Duration limit) {
        this.process = process;
        Thread.ofVirtual().name("cgi-stdin " + name).start(() -> feed(requestBody));
        this.stderrCopier = Thread.ofVirtual().name("cgi-stderr " + name).start(() -> copyErrors(errors, name));
        this.watchdog = Thread.ofVirtual().name("cgi-limit " + name).start(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    errors.println("cgi " + name + ": killed after its time limit of " + limit.toMillis() + " ms");
                    killTree();
                }
            } catch (InterruptedException e) {
                // closed before the limit: nothing to do
            }
        });
    }

    /**
     * Starts a script with exactly the given environment, in its own directory.
     *
     * @param script      the executable
     * @param env         the whole environment
     * @param requestBody the request body, streamed to stdin (never buffered whole)
     * @param errors      where stderr lines go, prefixed with the script's name
     * @param limit       how long the script may run
     * @return the running script
     * @throws IOException when it cannot be started (not executable, bad interpreter line)
     */
    static ScriptProcess start(Path script, Map<String, String> env, InputStream requestBody, PrintStream errors,
                               Duration limit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString())).directory(script.getParent().toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new ScriptProcess(builder.start(), requestBody, errors, script.getFileName().toString(), limit);
    }

    /** @return the script's stdout */
    InputStream stdout() {
        return process.getInputStream();
    }

    /** @return whether the time limit killed the script */
    boolean timedOut() {
        return timedOut;
    }

    /** @return the process id, for logs and tests */
    long pid() {
        return process.pid();
    }

    /** Kills the script and its descendants if still running, and lets stderr finish. */
    @Override
    public void close() {
        if (process.isAlive()) {
            killTree();
        }
        watchdog.interrupt();
        try {
            stderrCopier.join(STDERR_DRAIN);
            process.getInputStream().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing a pipe of a dead process: nothing left to lose
        }
    }

    private void killTree() {
        // Descendants first: a shell killed first would orphan its children, and they could keep
        // the stdout pipe open.
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void feed(InputStream requestBody) {
        try (OutputStream stdin = process.getOutputStream()) {
            if (requestBody != null) {
                requestBody.transferTo(stdin);
            }
        } catch (IOException e) {
            // The script exited or closed stdin without reading everything: that is its right.
        }
    }

    private void copyErrors(PrintStream errors, String name) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                errors.println("cgi " + name + ": " + line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
