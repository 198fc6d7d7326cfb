package io.gatehouse.server;

/**
 * Which threads serve connections: the choice behind {@code --worker-class}, held in
 * {@link ServerConfig#connectionThreads()}.
 *
 * <ul>
 *   <li>{@link #VIRTUAL}: one new virtual thread per connection (the default). Concurrency is
 *       bounded only by memory; blocking code is cheap.</li>
 *   <li>{@link #pool(int)}: a fixed pool of {@code threads} platform threads and a queue of at most
 *       {@code threads} accepted connections waiting for one. When the queue is full the accept
 *       loop holds the connection it just accepted and stops accepting, so further connections wait in the kernel's accept queue, where
 *       another worker process sharing the socket can take them. For applications that pin
 *       carrier threads (native calls, long {@code synchronized} sections around blocking work in
 *       older libraries) or that must not run more than {@code threads} requests at once.</li>
 * </ul>
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.defaults().withConnectionThreads(ConnectionThreads.pool(16));
 * }
 *
 * @param threads platform threads in the pool, or 0 for a virtual thread per connection
 * @param queue   accepted connections that may wait for a pool thread (0 with virtual threads)
 */
public record ConnectionThreads(int threads, int queue) {

    /** One virtual thread per connection. */
    public static final ConnectionThreads VIRTUAL = new ConnectionThreads(0, 0);

    /** Checks the sizes once. */
    public ConnectionThreads {
        if (threads < 0 || queue < 0 || (threads == 0 && queue != 0)) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /**
     * @param threads platform threads, at least 1; as many accepted connections may wait for one
     * @return a bounded pool
     */
    public static ConnectionThreads pool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ConnectionThreads(threads, threads);
    }

    /** @return whether each connection gets its own virtual thread */
    public boolean virtual() {
        return threads == 0;
    }

    /** Starts the threads for one server's connections. */
    ConnectionExecutor start(Server server) {
        return virtual() ? new VirtualThreadPerConnection() : new BoundedThreadPool(threads, queue, server);
    }

    @Override
    public String toString() {
        return virtual() ? "virtual" : "threads(" + threads + ", queue " + queue + ")";
    }
}
