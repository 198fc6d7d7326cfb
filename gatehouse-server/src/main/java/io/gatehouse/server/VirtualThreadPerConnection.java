package io.gatehouse.server;

import java.util.concurrent.ThreadFactory;

/** A new virtual thread for every connection: never blocks the accept loop. */
final class VirtualThreadPerConnection implements ConnectionExecutor {

    private final ThreadFactory threads = Thread.ofVirtual().name("gatehouse-connection-", 0).factory();

    @Override
    public void execute(Connection connection) {
        threads.newThread(connection).start();
    }

    @Override
    public void shutdown() {
        // Virtual threads end with their connections.
    }
}
