package io.gatehouse.appserver;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's view of one worker JVM: its pid, its generation (bumped by each reload), the time of
 * its last heartbeat, and whether it is being retired.
 *
 * <p>The worker gets the shared listening socket on descriptor 0 and the write end of a pipe on
 * descriptor 1; a thread here reads the pipe: {@link Heartbeat} lines update the worker's
 * state, anything else (a JVM's own SIGQUIT dump, say) is copied to the error log.
 *
 * {@snippet :
 * WorkerProcess worker = WorkerProcess.spawn(command, socket, errorLog, generation);
 * worker.signal(Signals.TERM);
 * Integer status = worker.reap();   // null while it runs
 * }
 */
final class WorkerProcess {

    private final long pid;
    private final int generation;
    private final long startedNanos;
    private volatile long lastBeatNanos;
    private volatile boolean ready;
    private boolean retiring;
    private boolean timedOut;

    private WorkerProcess(long pid, int generation) {
        this.pid = pid;
        this.generation = generation;
        this.startedNanos = System.nanoTime();
        this.lastBeatNanos = startedNanos;
    }

    /**
     * @param command    the worker's command line (absolute java path first)
     * @param socket     the listening socket, placed on the worker's descriptor 0
     * @param errorLog   where the worker's other output goes
     * @param generation the reload generation the worker belongs to
     * @return the running worker
     * @throws IOException when it cannot be started
     */
    static WorkerProcess spawn(List<String> command, ListeningSocket socket, PrintStream errorLog, int generation)
            throws IOException {
        int[] pipe = Libc.pipe();
        long pid;
        try {
            Map<Integer, Integer> placements = new HashMap<>();
            placements.put(socket.fd(), 0);
            placements.put(pipe[1], 1);
            pid = Spawn.start(command, System.getenv(), placements);
        } catch (IOException e) {
            Libc.close(pipe[0]);
            throw e;
        } finally {
            // Only the child may hold the write end, so the reader sees end-of-file when it exits.
            Libc.close(pipe[1]);
        }
        WorkerProcess worker = new WorkerProcess(pid, generation);
        // /proc/self/fd/N opens the same pipe as a Java stream; the JDK has no public fd constructor.
        FileInputStream in = new FileInputStream("/proc/self/fd/" + pipe[0]);
        Libc.close(pipe[0]);
        // A platform thread: a blocking pipe read would hold one of the few virtual-thread carriers.
        Thread.ofPlatform().daemon().name("gatehouse-worker-" + pid).start(() -> worker.readPipe(in, errorLog));
        return worker;
    }

    private void readPipe(FileInputStream in, PrintStream errorLog) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                switch (line) {
                    case Heartbeat.BEAT -> lastBeatNanos = System.nanoTime();
                    case Heartbeat.READY -> {
                        lastBeatNanos = System.nanoTime();
                        ready = true;
                        errorLog.println("[master] " + this + " is ready");
                    }
                    default -> errorLog.println(line);
                }
            }
        } catch (IOException e) {
            errorLog.println("[master] lost the pipe of worker " + pid + ": " + e.getMessage());
        }
    }

    long pid() {
        return pid;
    }

    int generation() {
        return generation;
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean ready() {
        return ready;
    }

    /** @return nanoseconds since the last beat (or since the start, before the first) */
    long silentNanos(long now) {
        return now - lastBeatNanos;
    }

    boolean retiring() {
        return retiring;
    }

    boolean timedOut() {
        return timedOut;
    }

    void markTimedOut() {
        timedOut = true;
    }

    /** Sends SIGTERM and remembers that this worker is on its way out. */
    void retire() throws IOException {
        retiring = true;
        signal(Signals.TERM);
    }

    /** @param signal the signal number @throws IOException when the process is gone */
    void signal(int signal) throws IOException {
        Libc.kill(pid, signal);
    }

    /** @return {@code null} while the worker runs, else its raw wait status */
    Integer reap() throws IOException {
        return Libc.reap(pid);
    }

    @Override
    public String toString() {
        return "worker " + pid;
    }
}
