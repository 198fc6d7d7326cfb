package io.gatehouse.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One bound address (IPv4, IPv6 or a Unix domain socket) and the virtual thread that accepts on it,
 * handing each connection to the server's executor.
 *
 * <p>Why a selector rather than a blocking {@code accept}: stopping must not lose a connection the
 * kernel has already completed. Such a connection sits in the accept queue, and the client has
 * sent its request; closing the socket would reset it. With the channel non-blocking, {@link #close()}
 * wakes the loop, which then accepts everything still queued (those connections are served, with
 * {@code Connection: close}) and only then closes the socket. Accepted connections live on.
 *
 * <p>For a socket shared by several worker processes (the app server), the non-blocking flag
 * belongs to the shared open file description; every worker uses this same loop, so all of them
 * expect it (docs/app-server.md, "One shared flag").
 *
 * <p>Why the accept loop is itself a virtual thread: a thread started from a platform thread
 * reaches the virtual-thread scheduler from outside, and the scheduler runs the work queued on its
 * carrier before anything submitted from outside. With one carrier (one CPU) busy with keep-alive
 * connections, a new connection's thread then waited up to 0.6 s before it first ran (seen as one
 * stall in about ten 4-second benchmark runs, always on a connection's first request). Started
 * from this virtual thread, it joins the carrier's own queue in turn. {@code Selector.select()}
 * in a virtual thread parks it on the JDK's poller, without holding a carrier.
 */
final class Listener implements Runnable {

    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final Server server;
    private final ServerSocketChannel channel;
    private final SocketAddress address;
    private Path socketFile;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Selector selector;
    private volatile boolean closing;

    /** Binds the address itself; a Unix socket file it created is removed when the loop ends. */
    Listener(Server server, SocketAddress bind, int backlog) throws IOException {
        this(server, ListenSocket.open(bind, backlog));
        this.socketFile = bind instanceof UnixDomainSocketAddress unix ? unix.getPath() : null;
    }

    /** Serves a channel bound by someone else (a socket inherited from the app server's master). */
    Listener(Server server, ServerSocketChannel bound) throws IOException {
        this.server = server;
        this.channel = bound;
        this.address = bound.getLocalAddress();
    }

    SocketAddress address() {
        return address;
    }

    /** Switches the channel to non-blocking mode and starts the accept thread. */
    void start() throws IOException {
        selector = Selector.open();
        try {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            selector.close();
            throw e;
        }
        Thread.ofVirtual().name("gatehouse-accept-" + ListenSocket.describe(address))
            .start(this);
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                selector.select();
                selector.selectedKeys().clear();
                acceptQueued();
            }
            acceptQueued();   // the drain: connections completed before the close, served
        } catch (IOException e) {
            server.log(LogLevel.ERROR, "accept loop on " + address + " ended: " + e.getMessage());
        } finally {
            closeQuietly(selector);
            closeQuietly(channel);
            deleteSocketFile();
            closed.countDown();
        }
    }

    private void deleteSocketFile() {
        if (socketFile != null) {
            try {
                Files.deleteIfExists(socketFile);
            } catch (IOException e) {
                server.log(LogLevel.WARNING, "cannot remove the socket file " + socketFile + ": " + e.getMessage());
            }
        }
    }

    /** Accepts until the kernel's queue is empty. */
    private void acceptQueued() {
        while (true) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                // Out of file descriptors, typically: say so and give the system a moment
                // instead of spinning on the same error; the connection stays queued.
                server.log(LogLevel.ERROR, "accept failed on " + address + ": " + e.getMessage());
                pause();
                return;
            }
            if (accepted == null) {
                return;
            }
            // An accepted channel is in blocking mode whatever the listening channel's mode is.
            Connection connection;
            try {
                connection = new Connection(server, accepted);
            } catch (IOException e) {
                closeQuietly(accepted);
                continue;
            }
            server.register(connection);
            server.executor().execute(connection);   // may wait for a pool thread (ConnectionThreads)
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting: the loop drains the queue, closes the socket and ends. Does not wait. */
    void close() {
        closing = true;
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        } else {
            closeQuietly(channel);   // never started
            closed.countDown();
        }
    }

    /** Waits (bounded) until the loop has drained the queue and closed the socket. */
    void awaitClosed() throws InterruptedException {
        if (!closed.await(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            server.log(LogLevel.WARNING, "listener " + address + " did not close within " + CLOSE_WAIT_MILLIS + " ms");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing left to do with it.
        }
    }
}
