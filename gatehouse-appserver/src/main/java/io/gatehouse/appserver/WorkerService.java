package io.gatehouse.appserver;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/**
 * What a worker runs on the listening socket it inherited: normally the HTTP server; tests plug in
 * smaller ones to exercise the process machinery alone.
 *
 * {@snippet :
 * WorkerService.Factory factory = (listener, application, options, budget) -> new WorkerService() {
 *     public void start() { }            // begin accepting on listener, return at once
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

    /** Makes a service for one worker. */
    @FunctionalInterface
    interface Factory {

        /**
         * @param listener    the inherited listening socket, shared with every other worker
         * @param application the loaded application
         * @param options     the worker's options
         * @param budget      to be spent once per request (max-requests recycling)
         * @return the service, not yet started
         */
        WorkerService create(ServerSocketChannel listener, Application application, WorkerOptions options,
                             RequestBudget budget);
    }
}
