package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * What a worker runs on the listening socket it inherited: normally the HTTP server; tests plug in
 * smaller ones to exercise the process machinery alone.
 *
 * {@snippet :
 * WorkerService.Factory factory = (listeners, application, options, budget) -> new WorkerService() {
 *     public void start() { }            // begin accepting on the listeners, return at once
 *     public void stopGracefully() { }   // stop accepting, finish in-flight requests, return
 * };
 * }
 */
public interface WorkerService {

    /** Begins accepting; returns once the socket is being served. @throws IOException on failure */
    void start() throws IOException;

    /** Stops accepting, lets in-flight requests finish within the grace period, then returns. */
    void stopGracefully();

    /** Reopens the service's log files (SIGUSR1, after logrotate renamed them); none by default. */
    default void reopenLogs() {
    }

    /** @return the least severe of the worker's own lines to write ({@code --log-level}); info by default */
    default LogLevel logLevel() {
        return LogLevel.INFO;
    }

    /** Makes a service for one worker. */
    @FunctionalInterface
    interface Factory {

        /**
         * @param listeners   the inherited listening sockets, one per bind, shared with every other worker
         * @param application the loaded application
         * @param options     the worker's options
         * @param budget      to be spent once per request (max-requests recycling)
         * @return the service, not yet started
         */
        WorkerService create(List<ServerSocketChannel> listeners, Application application, WorkerOptions options,
                             RequestBudget budget);
    }
}
