package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;
import io.gatehouse.spec.Application;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker JVM's entry point, started by the {@link Arbiter}: loads the application, serves the
 * listening socket inherited on descriptor 0, beats on its stdout pipe, and stops on a signal.
 *
 * <ol>
 *   <li>Keep the original stdout as the heartbeat pipe; point {@code System.out} at the error log,
 *       so application prints cannot garble the protocol. Start beating.</li>
 *   <li>Load the application class. If that fails: one line on stderr, exit {@value #BOOT_FAILURE}.</li>
 *   <li>Take the inherited sockets ({@link WorkerListeners}: descriptor 0, then 3, 4, ...), start the
 *       service, say ready.</li>
 *   <li>SIGUSR1: the service reopens its log files.</li>
 *   <li>SIGTERM, the max-requests budget, or a broken heartbeat pipe (the master died): graceful
 *       stop, exit 0. SIGINT: exit at once.</li>
 * </ol>
 *
 * {@snippet :
 * // what the arbiter runs, with the listening socket dup'ed onto fd 0 and a pipe onto fd 1:
 * // java -cp CLASSPATH io.gatehouse.appserver.WorkerMain --app com.example.Hello ...
 * }
 */
public final class WorkerMain {

    /** The exit code of a worker that could not start; the master backs off instead of looping. */
    public static final int BOOT_FAILURE = 3;

    private WorkerMain() {
    }

    /** @param args {@link WorkerOptions#toArguments()} */
    public static void main(String[] args) {
        System.exit(run(args, ServerWorkerService::new));
    }

    /**
     * Runs a worker to its end.
     *
     * @param args    the worker's arguments
     * @param factory makes the service to run on the inherited socket
     * @return the exit code
     */
    public static int run(String[] args, WorkerService.Factory factory) {
        return run(args, (listeners, options, budget) -> {
            try {
                return factory.create(listeners, load(options.application()), options, budget);
            } catch (BootFailure e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
    }

    /**
     * Runs a worker whose service, application included, is made by {@code boot}: how
     * {@code gatehouse serve --workers N} starts workers that serve with the settings after {@code --}.
     *
     * @param args the worker's arguments
     * @param boot makes the service, not yet started
     * @return the exit code
     */
    public static int run(String[] args, Boot boot) {
        PrintStream pipe = System.out;
        System.setOut(System.err);
        String who = "[worker " + ProcessHandle.current().pid() + "] ";
        BlockingQueue<String> stops = new LinkedBlockingQueue<>();
        WorkerService service;
        try {
            WorkerOptions options = WorkerOptions.parse(args);
            Heartbeat heartbeat = Heartbeat.start(pipe, options.beatInterval(), () -> stops.offer("master gone"));
            List<ServerSocketChannel> listeners = WorkerListeners.inherited(System.getenv());
            RequestBudget budget = new RequestBudget(options.maxRequests(), () -> stops.offer("max-requests"));
            service = boot.create(listeners, options, budget);
            Signal.handle(new Signal("TERM"), signal -> stops.offer("TERM"));
            Signal.handle(new Signal("INT"), signal -> stops.offer("INT"));
            // The master forwards SIGUSR1 (reopen logs); the JVM's default for it would end the worker.
            WorkerService running = service;
            Signal.handle(new Signal("USR1"), signal -> running.reopenLogs());
            service.start();
            heartbeat.ready();
        } catch (IOException | RuntimeException e) {
            // Always written (critical): the level is not known before the settings parse, and the
            // master's back-off line points here.
            System.err.println(who + "failed to boot: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return BOOT_FAILURE;
        }
        String reason = take(stops);
        if (reason.equals("INT")) {
            return 0;
        }
        if (service.logLevel().allows(LogLevel.INFO)) {
            System.err.println(who + "stopping gracefully (" + reason + ")");
        }
        service.stopGracefully();
        return 0;
    }

    private static String take(BlockingQueue<String> stops) {
        try {
            return stops.take();
        } catch (InterruptedException e) {
            return "INT";
        }
    }

    static Application load(String className) throws BootFailure {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BootFailure("application class " + className + " cannot be loaded: " + e);
        }
        if (!Application.class.isAssignableFrom(type)) {
            throw new BootFailure(className + " does not implement " + Application.class.getName());
        }
        try {
            return (Application) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new BootFailure(className + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new BootFailure(className + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new BootFailure(className + " cannot be created: " + e);
        }
    }

    /**
     * Makes a worker's service from its options, loading the application itself.
     *
     * {@snippet :
     * WorkerMain.run(args, (listeners, options, budget) -> myService(listeners, options.serveArguments(), budget));
     * }
     */
    @FunctionalInterface
    public interface Boot {

        /**
         * @param listeners the inherited listening sockets, one per bind
         * @param options   the worker's options, serve arguments included
         * @param budget    to be spent once per request
         * @return the service, not yet started
         * @throws IllegalArgumentException with one line saying why the worker cannot start
         */
        WorkerService create(List<ServerSocketChannel> listeners, WorkerOptions options, RequestBudget budget);
    }

    /** Why a worker cannot start; becomes one log line and exit code {@value #BOOT_FAILURE}. */
    static final class BootFailure extends Exception {
        BootFailure(String message) {
            super(message, null, false, false);
        }
    }
}
