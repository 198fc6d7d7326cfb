package io.gatehouse.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of platform threads taking connections from a queue; at most {@code threads + queue}
 * connections are admitted at once. {@link #execute} waits for room, so a busy pool leaves new
 * clients in the kernel's accept queue instead of refusing or piling them up here.
 *
 * <p>A keep-alive connection would hold its thread between requests for as long as its client keeps
 * it busy, and connections waiting in the queue would never be served. So while any wait
 * ({@link #crowded()}), each response closes its connection ({@code Connection: close}, RFC 9112
 * section 9.6): the client reconnects and takes its turn, as with Gunicorn's sync workers; and a
 * connection idle between two requests keeps its thread for at most
 * {@value #CROWDED_KEEP_ALIVE_MILLIS} ms more (plus the watchdog's period), not the whole keep-alive
 * timeout. Idle connections are not closed at once: a client may have sent its next request already.
 *
 * <p>One exception to the bound: once the server is stopping, its listener accepts whatever the kernel still
 * holds (see {@link Listener}) and those connections are admitted beyond the bound. The threads they
 * wait for are freed as the stop closes idle keep-alive connections, which happens only after the
 * listener has finished; waiting for room there would stall the stop.
 */
final class BoundedThreadPool implements ConnectionExecutor {

    private static final long ROOM_CHECK_MILLIS = 20;
    /** How long a connection idle between requests keeps its thread while others wait. */
    static final long CROWDED_KEEP_ALIVE_MILLIS = 250;

    private final Semaphore room;
    private final LinkedBlockingQueue<Admitted> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Server server;

    BoundedThreadPool(int threadCount, int queue, Server server) {
        this.room = new Semaphore(threadCount + queue);
        this.server = server;
        for (int i = 0; i < threadCount; i++) {
            threads.add(Thread.ofPlatform().daemon().name("gatehouse-connection-" + i).start(this::serve));
        }
    }

    @Override
    public void execute(Connection connection) {
        boolean admitted = false;
        try {
            while (!admitted && !server.stopping()) {
                admitted = room.tryAcquire(ROOM_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.add(new Admitted(connection, admitted));
        if (crowded()) {
            // Threads held by silent keep-alive clients come back soon, not after the keep-alive timeout.
            server.hurryIdleConnections(CROWDED_KEEP_ALIVE_MILLIS);
        }
    }

    @Override
    public boolean crowded() {
        return !waiting.isEmpty() || room.availablePermits() == 0;
    }

    @Override
    public long keepAliveMillis(long configured) {
        return crowded() ? Math.min(configured, CROWDED_KEEP_ALIVE_MILLIS) : configured;
    }

    private void serve() {
        try {
            while (true) {
                Admitted next = waiting.take();
                try {
                    next.connection().run();
                } finally {
                    if (next.holdsRoom()) {
                        room.release();
                    }
                }
            }
        } catch (InterruptedException e) {
            // shut down
        }
    }

    @Override
    public void shutdown() {
        threads.forEach(Thread::interrupt);
    }

    private record Admitted(Connection connection, boolean holdsRoom) {
    }
}
