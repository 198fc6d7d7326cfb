package io.gatehouse.cli;

import io.gatehouse.server.Server;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Turns SIGTERM and SIGINT into a graceful stop and a clean exit: a JVM shutdown hook stops the
 * server (which lets in-flight requests finish within the grace period) and then halts with 0,
 * since a JVM ended by a signal would otherwise report 128 + the signal's number.
 *
 * {@snippet :
 * server.start();
 * GracefulExit.onSignal(server, config.gracefulTimeout(), err);
 * server.awaitStop();
 * }
 */
public final class GracefulExit {

    private GracefulExit() {
    }

    /**
     * @param server the started server
     * @param grace  the grace period, for the message only
     * @param err    where to say that the server is stopping
     */
    public static void onSignal(Server server, Duration grace, PrintWriter err) {
        onSignal(server, grace, err, () -> { });
    }

    /**
     * @param server    the started server
     * @param grace     the grace period, for the message only
     * @param err       where to say that the server is stopping
     * @param afterStop runs once the server has stopped, before the exit (the {@code onExit} hook)
     */
    public static void onSignal(Server server, Duration grace, PrintWriter err, Runnable afterStop) {
        Thread hook = new Thread(() -> {
            err.println("Gatehouse stopping: finishing in-flight requests (up to " + Seconds.format(grace) + " s)");
            err.flush();
            server.stop();
            afterStop.run();
            System.out.flush();
            System.err.flush();
            // Reached only when the JVM is shutting down (a signal or System.exit); the stop was
            // graceful, so the exit is a success.
            Runtime.getRuntime().halt(ExitCode.OK.code());
        }, "gatehouse-graceful-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }
}
