package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's view of one worker JVM: its pid, its generation (bumped by each reload), the time of
 * its last heartbeat, and whether it is being retired.
 *
 * <p>The worker gets the shared listening sockets, the first on descriptor 0 and the others on 3,
 * 4, ... (their count in {@value #LISTENERS_VARIABLE}), and the write end of a pipe on descriptor 1;
 * a thread here reads the pipe: {@link Heartbeat} lines update the worker's
 * state, anything else (a JVM's own SIGQUIT dump, say) is copied to the error log.
 *
 * {@snippet :
 * WorkerProcess worker = WorkerProcess.spawn(command, List.of(socket), errorLog, generation);
 * worker.signal(Signals.TERM);
 * Integer status = worker.reap();   // null while it runs
 * }
 */
final class WorkerProcess {

    /** The environment variable telling a worker how many listening sockets it inherited. */
    static final String LISTENERS_VARIABLE = "GATEHOUSE_LISTENERS";
    /** The descriptor of a worker's second listening socket; the first is on 0. */
    static final int SECOND_LISTENER_FD = 3;
    /** systemd's variables are for the master only: a worker must not take them as its own. */
    private static final List<String> SYSTEMD_VARIABLES = List.of("LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES");

    private final long pid;
    private final int generation;
    private final long startedNanos;
    private volatile long lastBeatNanos;
    private volatile boolean ready;
    private boolean retiring;
    private boolean timedOut;
    private boolean lateReported;

    private WorkerProcess(long pid, int generation) {
        this.pid = pid;
        this.generation = generation;
        this.startedNanos = System.nanoTime();
        this.lastBeatNanos = startedNanos;
    }

    /**
     * @param command    the worker's command line (absolute java path first)
     * @param sockets    the listening sockets, placed on the worker's descriptors 0, 3, 4, ...
     * @param errorLog   where the worker's other output goes
     * @param generation the reload generation the worker belongs to
     * @return the running worker
     * @throws IOException when it cannot be started
     */
    static WorkerProcess spawn(List<String> command, List<ListeningSocket> sockets, TimestampedLog errorLog,
                               int generation) throws IOException {
        int[] pipe = Libc.pipe();
        long pid;
        try {
            Map<Integer, Integer> placements = new HashMap<>();
            for (int i = 0; i < sockets.size(); i++) {
                placements.put(sockets.get(i).fd(), i == 0 ? 0 : SECOND_LISTENER_FD + i - 1);
            }
            placements.put(pipe[1], 1);
            Map<String, String> env = new HashMap<>(System.getenv());
            SYSTEMD_VARIABLES.forEach(env::remove);
            env.put(LISTENERS_VARIABLE, Integer.toString(sockets.size()));
            pid = Spawn.start(command, env, placements);
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

    private void readPipe(FileInputStream in, TimestampedLog errorLog) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                switch (line) {
                    case Heartbeat.BEAT -> lastBeatNanos = System.nanoTime();
                    case Heartbeat.READY -> {
                        lastBeatNanos = System.nanoTime();
                        ready = true;
                        errorLog.log(LogLevel.INFO, "[master] " + this + " is ready");
                    }
                    default -> errorLog.println(line);
                }
            }
        } catch (IOException e) {
            errorLog.log(LogLevel.ERROR, "[master] lost the pipe of worker " + pid + ": " + e.getMessage());
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

    boolean lateReported() {
        return lateReported;
    }

    /** @param value whether the master has said, at debug level, that this worker is late */
    void lateReported(boolean value) {
        lateReported = value;
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
