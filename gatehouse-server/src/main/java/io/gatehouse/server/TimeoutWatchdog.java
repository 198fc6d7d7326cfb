package io.gatehouse.server;

import java.util.Set;

/**
 * Enforces the read and write timeouts of every connection from one virtual thread, so that the
 * request path never arms a timer: a connection publishes a deadline (a volatile {@code long})
 * before it blocks, and the watchdog, waking every quarter of the shortest timeout, acts on
 * deadlines that passed. A late read is ended by shutting down the socket's input, which makes
 * the blocked read see end of stream while the output still works (so a 408 can still be sent);
 * a stalled write is ended by closing the socket, as a blocking write has no timeout of its own.
 * Timeouts therefore fire up to a quarter of their length late, which is fine for guards.
 */
final class TimeoutWatchdog implements Runnable {

    private final Set<Connection> connections;
    private final long writeTimeoutNanos;
    private final long periodMillis;
    private volatile boolean running = true;

    TimeoutWatchdog(Set<Connection> connections, ServerConfig config) {
        this.connections = connections;
        this.writeTimeoutNanos = config.writeTimeout().toNanos();
        long shortest = Math.min(Math.min(config.headerTimeout().toMillis(), config.bodyTimeout().toMillis()),
            Math.min(config.writeTimeout().toMillis(), config.keepAliveTimeout().toMillis()));
        this.periodMillis = Math.clamp(shortest / 4, 10, 1000);
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection connection : connections) {
                long readDeadline = connection.readDeadline();
                if (readDeadline != 0 && now - readDeadline > 0) {
                    connection.timeOutRead();
                }
                long since = connection.writingSince();
                if (since != 0 && now - since > writeTimeoutNanos) {
                    connection.abort("write timed out");
                }
            }
        }
    }

    void stop() {
        running = false;
    }
}
