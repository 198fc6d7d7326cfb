package io.gatehouse.server;

import java.time.Duration;
import java.util.Set;

/**
 * Closes connections whose response write has made no progress within the write timeout: a
 * blocking socket write has no timeout of its own. One virtual thread for the whole server checks
 * a volatile timestamp per connection, so the write path pays one {@code nanoTime} per write.
 */
final class WriteWatchdog implements Runnable {

    private final Set<Connection> connections;
    private final long timeoutNanos;
    private final long periodMillis;
    private volatile boolean running = true;

    WriteWatchdog(Set<Connection> connections, Duration timeout) {
        this.connections = connections;
        this.timeoutNanos = timeout.toNanos();
        this.periodMillis = Math.clamp(timeout.toMillis() / 4, 10, 1000);
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
                long since = connection.writingSince();
                if (since != 0 && now - since > timeoutNanos) {
                    connection.abort("write timed out");
                }
            }
        }
    }

    void stop() {
        running = false;
    }
}
