package io.gatehouse.server;

/**
 * Runs accepted connections on threads, as {@link ConnectionThreads} chose: the accept loop hands
 * each one over with {@link #execute(Connection)}, which may block to apply back-pressure.
 */
interface ConnectionExecutor {

    /**
     * Serves the connection on some thread; returns once it is taken. May block while the pool and
     * its queue are full: the accept loop then accepts nothing, and new clients wait in the kernel.
     */
    void execute(Connection connection);

    /**
     * @return whether accepted connections are waiting for a thread; a connection then answers its
     *         current request with {@code Connection: close} and frees its thread instead of keeping
     *         it for the client's next request (a bounded pool would otherwise starve the waiting)
     */
    default boolean crowded() {
        return false;
    }

    /**
     * @param configured the keep-alive timeout
     * @return how long a connection idle between requests may keep its thread from now
     */
    default long keepAliveMillis(long configured) {
        return configured;
    }

    /** Ends idle threads once the server has stopped; connections still running are not touched. */
    void shutdown();
}
