package io.gatehouse.appserver;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test scaffolding: a worker main whose service answers every request with its own pid, keep-alive
 * included, so the process machinery can be tested without the HTTP server. {@code GET /slow}
 * takes 1.5 s. {@code GET /hang} calls
 * the C library's {@code pause()} from a virtual thread, pinning its carrier: with one carrier the
 * worker then stops beating, as a truly stuck worker would.
 *
 * <p>Its graceful stop is the one the zero-downtime test needs from any worker service: keep
 * accepting until the shared queue is momentarily empty (at most a second); answer the first request of every fresh
 * connection; finish requests in flight; close idle keep-alive connections by sending FIN only
 * (the client sees end-of-file before any byte and may retry, RFC 9112 section 9.3.1).
 */
public final class FixedResponseWorker implements WorkerService {

    private static final MethodHandle PAUSE = Linker.nativeLinker().downcallHandle(
        Linker.nativeLinker().defaultLookup().findOrThrow("pause"), FunctionDescriptor.ofVoid());
    private static final int FRESH = 0;
    private static final int IDLE = 1;
    private static final int BUSY = 2;
    private static final int CLOSING = 3;

    private final ServerSocketChannel listener;
    private final RequestBudget budget;
    private final Duration grace;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor = Thread.ofVirtual().unstarted(this::acceptLoop);
    private volatile boolean stopping;
    private volatile long drainUntil;

    FixedResponseWorker(List<ServerSocketChannel> listeners, Application application, WorkerOptions options,
                        RequestBudget budget) {
        this.listener = listeners.getFirst();   // the test master has one bind
        this.budget = budget;
        this.grace = options.gracefulTimeout();
    }

    /** @param args worker options */
    public static void main(String[] args) {
        System.exit(WorkerMain.run(args, FixedResponseWorker::new));
    }

    @Override
    public void start() {
        acceptor.start();
    }

    /**
     * Accepts through a selector on the socket in non-blocking mode, and never switches it back:
     * O_NONBLOCK belongs to the open file description every worker shares, so a worker that toggles
     * it (the JDK's timed accept does) can leave another stuck in a native accept.
     */
    private void acceptLoop() {
        try (Selector selector = Selector.open(); listener) {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select(100);
                selector.selectedKeys().clear();
                boolean accepted = false;
                SocketChannel channel;
                while ((channel = listener.accept()) != null) {   // null: another worker took it
                    channel.configureBlocking(true);
                    Connection connection = new Connection(channel.socket());
                    connections.add(connection);
                    Thread.ofVirtual().start(connection::serve);
                    accepted = true;
                }
                // Stopping: leave once the shared queue looks empty; under steady load it never does,
                // so at most a second, then the other workers take the queue over.
                if (stopping && (!accepted || System.nanoTime() - drainUntil > 0)) {
                    return;
                }
            }
        } catch (IOException e) {
            System.err.println("accept failed: " + e);
        }
    }

    @Override
    public void stopGracefully() {
        drainUntil = System.nanoTime() + 1_000_000_000L;
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            acceptor.join();
            while (!connections.isEmpty() && System.nanoTime() < deadline) {
                connections.forEach(Connection::closeIfIdle);
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Connection {
        private final Socket socket;
        private final AtomicInteger state = new AtomicInteger(FRESH);

        Connection(Socket socket) {
            this.socket = socket;
        }

        void closeIfIdle() {
            if (state.compareAndSet(IDLE, CLOSING)) {
                try {
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // The client has gone already.
                }
            }
        }

        void serve() {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                String head;
                while ((head = readHead(in)) != null) {
                    if (!state.compareAndSet(IDLE, BUSY) && !state.compareAndSet(FRESH, BUSY)) {
                        in.transferTo(OutputStream.nullOutputStream());   // closing: read to the client's FIN
                        return;
                    }
                    if (head.startsWith("GET /hang ")) {
                        PAUSE.invokeExact();
                    }
                    if (head.startsWith("GET /slow ")) {
                        Thread.sleep(1500);
                    }
                    budget.spend();
                    boolean close = stopping || head.toLowerCase().contains("connection: close");
                    byte[] body = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n"
                        + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    if (close) {
                        socket.shutdownOutput();
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    state.set(IDLE);
                }
            } catch (Throwable e) {
                // A client that goes away mid-request is no concern of this scaffolding.
            } finally {
                connections.remove(this);
            }
        }
    }

    /** @return the request head up to the blank line, or null at end of stream */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                return head.toString();
            }
        }
        return null;
    }
}
