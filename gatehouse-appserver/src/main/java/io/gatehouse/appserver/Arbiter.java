package io.gatehouse.appserver;

import io.gatehouse.server.ListenSocket;
import io.gatehouse.server.LogLevel;
import sun.misc.Signal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The master process: binds the listening sockets (one per bind), keeps {@code --workers} worker JVMs serving them,
 * and never serves a request itself.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>Bind the socket (kept until the stop: its accept queue outlives every worker), write the pid file,
 *       install signal handlers. Handlers only enqueue the signal's name.</li>
 *   <li>Loop, waking on a signal or every {@value #TICK_MILLIS} ms:
 *     <ol>
 *       <li>handle queued signals by name ({@code HUP} reload, {@code TTIN}/{@code TTOU} resize,
 *           {@code TERM} graceful stop, {@code INT}/{@code QUIT} quick stop, {@code USR1} reopen logs);</li>
 *       <li>reap exited workers, counting boot failures (exit {@value WorkerMain#BOOT_FAILURE});</li>
 *       <li>check heartbeats: a worker silent for {@code --timeout} has its threads dumped, then is killed;</li>
 *       <li>top up: spawn missing workers of the current generation (after any boot back-off), retire
 *           one old-generation worker per ready new one, retire surplus workers.</li>
 *     </ol></li>
 *   <li>Stop: TERM (graceful) or INT (quick) to every worker, close the master's copy of the socket
 *       (the workers drain the queue before closing theirs), KILL whatever outlives the grace
 *       period, remove the pid file.</li>
 * </ol>
 *
 * {@snippet :
 * int exitCode = new Arbiter(ArbiterConfig.defaults("com.example.Hello").withWorkers(4)).run();
 * }
 */
public final class Arbiter {

    /** The master's exit code when workers keep failing to boot. */
    public static final int EXIT_WORKERS_CANNOT_BOOT = 3;
    /** The master's exit code when the socket cannot be bound or the pid file written. */
    public static final int EXIT_STARTUP_FAILED = 1;

    static final long TICK_MILLIS = 100;
    private static final Duration QUICK_STOP = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final List<String> HANDLED = List.of("HUP", "TERM", "INT", "TTIN", "TTOU", "USR1");

    private final ArbiterConfig config;
    private final MasterOptions options;
    private final TimestampedLog log;
    private final BlockingQueue<String> signals = new LinkedBlockingQueue<>();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<ListeningSocket> sockets = new ArrayList<>();
    private List<String> workerArguments;
    private int target;
    private int generation;
    private int bootFailures;
    private long respawnNotBefore;
    private long stopDeadline;
    private boolean stopping;
    private boolean reloading;
    private long reloadStartedNanos;
    private int exitCode;
    private boolean announcedReady;

    /** @param config the settings */
    public Arbiter(ArbiterConfig config) {
        this(config, MasterOptions.NONE);
    }

    /** @param config the settings @param options hooks and the rest of what the master itself does */
    public Arbiter(ArbiterConfig config, MasterOptions options) {
        this.config = config;
        this.options = options;
        this.log = new TimestampedLog(config.errorLog(), config.logLevel());
        this.target = config.workers();
    }

    /**
     * Runs the master until it is stopped.
     *
     * @return the exit code: 0, {@link #EXIT_STARTUP_FAILED} or {@link #EXIT_WORKERS_CANNOT_BOOT}
     */
    public int run() {
        options.hooks().onStarting();
        boolean pidFileWritten = false;
        try {
            workerArguments = config.workerArguments().resolve();
            logWorkerArguments("resolved");
            // Privileges: look up first (fail fast), umask before any file, drop after binding.
            Privileges.Ids ids = options.privileges().resolve();
            options.privileges().applyUmask();
            bindAll();
            if (config.pidFile() != null) {
                PidFile.write(config.pidFile(), ProcessHandle.current().pid());
                pidFileWritten = true;
            }
            options.privileges().drop(ids);
            if (ids != null) {
                log.log(LogLevel.INFO, "[master] Running as uid " + ids.uid() + ", gid " + ids.gid());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.log(LogLevel.CRITICAL, "[master] " + e.getMessage());
            closeSockets();
            if (pidFileWritten) {
                PidFile.remove(config.pidFile());   // only ours: a running master's file is left alone
            }
            options.hooks().onExit(EXIT_STARTUP_FAILED);
            return EXIT_STARTUP_FAILED;
        }
        for (String name : HANDLED) {
            Signal.handle(new Signal(name), signal -> signals.offer(signal.getName()));
        }
        for (ListeningSocket socket : sockets) {
            log.log(LogLevel.INFO, "[master] Listening at: " + url(socket.address())
                + " (" + ProcessHandle.current().pid() + ")");
        }
        // --reload: a change on the class path queues a HUP, handled like the signal.
        ClassPathWatcher watcher = options.reload()
            ? ClassPathWatcher.forReload(config.classPath(), options.alsoWatch(), () -> signals.offer("HUP"), log)
            : null;
        try {
            loop();
        } finally {
            closeQuietly(watcher);
            close();
        }
        log.log(LogLevel.INFO, "[master] Shutting down, exit code " + exitCode);
        options.hooks().onExit(exitCode);
        return exitCode;
    }

    private void loop() {
        while (!stopping || !workers.isEmpty()) {
            String signal = poll();
            if (signal != null) {
                handle(signal);
            }
            reap();
            if (stopping) {
                killAfterDeadline();
            } else {
                checkHeartbeats();
                topUp();
            }
        }
    }

    private String poll() {
        try {
            return signals.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INT";
        }
    }

    private void handle(String signal) {
        log.log(LogLevel.INFO, "[master] Handling signal: " + signal);
        switch (signal) {
            case "HUP" -> {
                if (!reloadSettings()) {
                    return;
                }
                // New workers start with a fresh JVM and the current class path; old ones retire as they arrive.
                generation++;
                bootFailures = 0;
                reloading = true;
                reloadStartedNanos = System.nanoTime();
            }
            case "TTIN" -> target++;
            case "TTOU" -> target = Math.max(1, target - 1);
            case "TERM" -> stop(Signals.TERM, config.gracefulTimeout().plusSeconds(2));
            case "INT", "QUIT" -> stop(Signals.INT, QUICK_STOP);
            case "USR1" -> {
                // logrotate has renamed the files: reopen the master's, and each worker reopens its own.
                config.reopenLogs().run();
                for (WorkerProcess worker : workers) {
                    send(worker, Signals.USR1);
                }
                log.log(LogLevel.INFO, "[master] Reopened the log files; the workers reopen theirs");
            }
            default -> log.log(LogLevel.WARNING, "[master] ignoring signal " + signal);
        }
    }

    /** @return whether the settings could be resolved again; a bad change keeps the old ones */
    private boolean reloadSettings() {
        try {
            workerArguments = config.workerArguments().resolve();
            logWorkerArguments("reloaded");
            return true;
        } catch (IllegalArgumentException e) {
            log.log(LogLevel.ERROR, "[master] not reloading, keeping the current settings: " + e.getMessage());
            return false;
        }
    }

    private void logWorkerArguments(String how) {
        if (log.allows(LogLevel.DEBUG)) {
            log.log(LogLevel.DEBUG, "[master] Settings " + how + "; new workers get: "
                + String.join(" ", workerArguments));
        }
    }

    private void stop(int workerSignal, Duration allowed) {
        if (stopping && workerSignal == Signals.TERM) {
            return;
        }
        stopping = true;
        stopDeadline = System.nanoTime() + allowed.toNanos();
        for (WorkerProcess worker : workers) {
            send(worker, workerSignal);
        }
        // The workers drain the shared queue before closing their copies; with the master's copy
        // gone too, the socket closes with the last worker's instead of refusing late arrivals
        // for as long as the workers take to finish.
        closeSockets();
    }

    private void killAfterDeadline() {
        if (System.nanoTime() - stopDeadline > 0) {
            for (WorkerProcess worker : workers) {
                log.log(LogLevel.WARNING, "[master] " + worker + " outlived the stop period, killing it");
                send(worker, Signals.KILL);
            }
            stopDeadline = System.nanoTime() + QUICK_STOP.toNanos();
        }
    }

    private void reap() {
        for (WorkerProcess worker : List.copyOf(workers)) {
            Integer status;
            try {
                status = worker.reap();
            } catch (IOException e) {
                status = -1;   // ECHILD: already gone
            }
            if (status == null) {
                if (worker.ready() && worker.generation() == generation) {
                    bootFailures = 0;
                }
                continue;
            }
            workers.remove(worker);
            int code = status < 0 ? -1 : Libc.exitCode(status);
            exited(worker, code);
            options.hooks().childExit(worker.pid(), code);
        }
    }

    private void exited(WorkerProcess worker, int code) {
        if (code == WorkerMain.BOOT_FAILURE && !worker.ready()) {
            bootFailures++;
            if (bootFailures >= config.maxBootFailures()) {
                log.log(LogLevel.CRITICAL, "[master] Workers failed to boot " + bootFailures
                    + " times in a row; giving up (see the worker's line above for why)");
                exitCode = EXIT_WORKERS_CANNOT_BOOT;
                stop(Signals.TERM, config.gracefulTimeout());
                return;
            }
            long delay = Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(16, bootFailures - 1));
            respawnNotBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
            log.log(LogLevel.ERROR, "[master] " + worker + " failed to boot (" + bootFailures
                + " in a row); next try in " + delay + " ms");
        } else if (worker.timedOut()) {
            log.log(LogLevel.ERROR, "[master] " + worker + " was killed after " + config.timeout().toSeconds()
                + " s without a heartbeat");
        } else if (!worker.retiring() && !stopping) {
            log.log(LogLevel.WARNING, "[master] " + worker + " exited unexpectedly with " + describe(code)
                + "; replacing it");
        } else {
            log.log(LogLevel.INFO, "[master] " + worker + " exited with " + describe(code));
        }
    }

    private static String describe(int code) {
        return code > 128 ? "signal " + (code - 128) : "code " + code;
    }

    private void checkHeartbeats() {
        long now = System.nanoTime();
        for (WorkerProcess worker : workers) {
            reportLateness(worker, now);
            if (!worker.timedOut() && worker.silentNanos(now) > config.timeout().toNanos()) {
                worker.markTimedOut();
                log.log(LogLevel.ERROR, "[master] " + worker + " has sent no heartbeat for "
                    + config.timeout().toSeconds() + " s; dumping its threads, then killing it");
                Thread.ofPlatform().daemon().name("gatehouse-dump-" + worker.pid()).start(() -> {
                    if (log.allows(LogLevel.ERROR)) {   // the dump belongs to the error line above
                        ThreadDump.write(worker.pid(), log);
                    }
                    send(worker, Signals.KILL);
                });
            }
        }
    }

    /** debug: a worker silent for half its timeout is reported once, before it is at risk of being killed. */
    private void reportLateness(WorkerProcess worker, long now) {
        boolean late = worker.silentNanos(now) > config.timeout().toNanos() / 2;
        if (late && !worker.lateReported() && log.allows(LogLevel.DEBUG)) {
            log.log(LogLevel.DEBUG, "[master] " + worker + " is late: no heartbeat for "
                + TimeUnit.NANOSECONDS.toMillis(worker.silentNanos(now)) + " ms (killed after "
                + config.timeout().toSeconds() + " s)");
        }
        worker.lateReported(late);
    }

    private void topUp() {
        List<WorkerProcess> current = workers.stream()
            .filter(w -> w.generation() == generation && !w.retiring()).toList();
        if (current.size() < target && System.nanoTime() - respawnNotBefore >= 0) {
            for (int i = current.size(); i < target; i++) {
                spawn();
            }
        }
        List<WorkerProcess> old = workers.stream()
            .filter(w -> w.generation() != generation && !w.retiring())
            .sorted(Comparator.comparingLong(WorkerProcess::startedNanos)).toList();
        long readyCurrent = current.stream().filter(WorkerProcess::ready).count();
        // One old worker leaves for each new one that is ready: capacity never drops below the target.
        for (int i = 0; i < old.size() && readyCurrent + old.size() - i > target; i++) {
            retire(old.get(i));
        }
        if (!announcedReady && readyCurrent >= target) {
            announcedReady = true;
            options.hooks().whenReady(sockets.stream().map(ListeningSocket::address).toList());
        }
        if (reloading && old.isEmpty() && workers.stream().allMatch(w -> w.generation() == generation)) {
            reloading = false;
            log.log(LogLevel.INFO, "[master] Reload to generation " + generation + " complete in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reloadStartedNanos) + " ms");
        }
        if (current.size() > target) {
            current.stream().sorted(Comparator.comparingLong(WorkerProcess::startedNanos))
                .limit(current.size() - target).forEach(this::retire);
        }
    }

    private void spawn() {
        try {
            WorkerProcess worker = WorkerProcess.spawn(command(), sockets, log, generation);
            workers.add(worker);
            log.log(LogLevel.INFO, "[master] Booting " + worker + " (generation " + generation + ")");
        } catch (IOException e) {
            log.log(LogLevel.CRITICAL, "[master] cannot start a worker: " + e.getMessage());
            stop(Signals.TERM, config.gracefulTimeout());
            exitCode = EXIT_WORKERS_CANNOT_BOOT;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmOptions());
        // Sockets on descriptors 3, 4, ... are wrapped with the JDK's own constructor, after a
        // getsockname through FFM to learn their family (InheritedChannels).
        command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(config.classPath());
        command.add(config.workerMain());
        long maxRequests = config.maxRequests() == 0 ? 0
            : config.maxRequests() + ThreadLocalRandom.current().nextLong(config.maxRequestsJitter() + 1);
        Duration beat = Duration.ofMillis(Math.max(50, Math.min(1000, config.timeout().toMillis() / 4)));
        command.addAll(new WorkerOptions(config.application(), config.gracefulTimeout(), maxRequests, beat,
            workerArguments).toArguments());
        return command;
    }

    /** @return {@code http://127.0.0.1:8000}, or {@code unix:/path} */
    private String url(SocketAddress address) {
        return (address instanceof InetSocketAddress ? options.urlScheme() + "://" : "") + ListenSocket.describe(address);
    }

    private void retire(WorkerProcess worker) {
        log.log(LogLevel.INFO, "[master] Retiring " + worker);
        try {
            worker.retire();
        } catch (IOException e) {
            log.log(LogLevel.WARNING, "[master] cannot signal " + worker + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // on the way out
            }
        }
    }

    /** Binds every address, or takes systemd's sockets instead (LISTEN_FDS for this process). */
    private void bindAll() throws IOException {
        List<? extends SocketAddress> binds = InheritedChannels.systemd(System.getenv(), ProcessHandle.current().pid());
        if (binds.isEmpty()) {
            binds = config.binds();
        } else {
            log.log(LogLevel.INFO, "[master] Serving the " + binds.size()
                + " socket(s) systemd passed (LISTEN_FDS); --bind is ignored");
        }
        try {
            for (SocketAddress bind : binds) {
                sockets.add(ListeningSocket.bind(bind, config.backlog()));
            }
        } catch (IOException e) {
            closeSockets();
            throw e;
        }
    }

    private void closeSockets() {
        for (ListeningSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                log.log(LogLevel.WARNING, "[master] closing the listening socket " + socket.address() + ": "
                    + e.getMessage());
            }
        }
    }

    private void send(WorkerProcess worker, int signal) {
        try {
            worker.signal(signal);
        } catch (IOException e) {
            // Already exited; the next reap collects it.
        }
    }

    private void close() {
        closeSockets();
        if (config.pidFile() != null) {
            PidFile.remove(config.pidFile());
        }
        log.flush();
    }
}
