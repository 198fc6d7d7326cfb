package io.gatehouse.server;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP/1.1 server: listens on every configured address and serves each connection on its own
 * virtual thread (or on a bounded pool, {@link ConnectionThreads}) with the gateway interface
 * (docs/spec.md).
 *
 * {@snippet :
 * Server server = new Server(ServerConfig.defaults()
 *     .withBinds(List.of(new InetSocketAddress("127.0.0.1", 0))), app);
 * server.start();                          // IOException when an address cannot be bound
 * int port = server.addresses().get(0).getPort();
 * // ...
 * server.stop();                           // graceful: in-flight requests finish, idle ones close
 * }
 *
 * <p>Stopping: the listeners close first (no new connections); idle keep-alive connections close
 * at once; connections with a request under way finish it (answering {@code Connection: close})
 * within {@link ServerConfig#gracefulTimeout()}, after which the rest are closed.
 */
public final class Server implements AutoCloseable {

    private static final ConnectionExecutor NOT_STARTED = new ConnectionExecutor() {
        @Override
        public void execute(Connection connection) {
            throw new IllegalStateException("the server is not started");
        }

        @Override
        public void shutdown() {
        }
    };

    private final ServerConfig config;
    private final Application application;
    private final ServerStats stats = new ServerStats();
    private final BufferPool buffers = new BufferPool(16 * 1024, 4096);
    /** Arrays for response heads, taken while a request is under way (most heads fit in 512 bytes). */
    private final BufferPool headBuffers = new BufferPool(512, 4096);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final byte[] serverLine;
    private volatile boolean stopping;
    private TimeoutWatchdog watchdog;
    /**
     * Until {@link #start()}: the default keep-alive policy and no threads, for a {@link Connection}
     * run directly on the caller's thread (the whole-path JMH benchmark does).
     */
    private ConnectionExecutor executor = NOT_STARTED;
    private final List<ServerSocketChannel> inherited;

    /**
     * @param config      the settings
     * @param application the application to serve
     */
    public Server(ServerConfig config, Application application) {
        this(config, application, List.of());
    }

    /**
     * Serves listening sockets bound elsewhere (the app server's master) instead of binding
     * {@code config.binds()}; {@link #stop()} closes this process's copies only.
     *
     * @param config      the settings
     * @param application the application to serve
     * @param inherited   pre-bound listening channels, in blocking mode
     */
    public Server(ServerConfig config, Application application, List<ServerSocketChannel> inherited) {
        this.inherited = List.copyOf(inherited);
        this.config = Objects.requireNonNull(config, "config");
        this.application = Objects.requireNonNull(application, "application");
        this.serverLine = ("Server: " + config.serverSoftware() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Binds every address and starts accepting. @throws IOException when an address cannot be bound */
    public void start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("server already started");
        }
        executor = config.connectionThreads().start(this);
        try {
            for (ServerSocketChannel channel : inherited) {
                listeners.add(new Listener(this, channel));
            }
            for (SocketAddress bind : inherited.isEmpty() ? config.binds() : List.<SocketAddress>of()) {
                listeners.add(new Listener(this, bind, config.backlog()));
            }
            for (Listener listener : listeners) {
                listener.start();
            }
        } catch (IOException e) {
            listeners.forEach(Listener::close);
            listeners.clear();
            executor.shutdown();
            stopping = true;
            stopped.countDown();
            throw e;
        }
        watchdog = new TimeoutWatchdog(connections, config);
        Thread.ofVirtual().name("gatehouse-timeout-watchdog").start(watchdog);
    }

    /** @return the bound IP addresses, with the real port where port 0 was asked for */
    public List<InetSocketAddress> addresses() {
        return listeners.stream().map(Listener::address)
            .filter(InetSocketAddress.class::isInstance).map(InetSocketAddress.class::cast).toList();
    }

    /** @return every listening address in order: IP ones and {@link java.net.UnixDomainSocketAddress}es */
    public List<SocketAddress> listening() {
        return listeners.stream().map(Listener::address).toList();
    }

    /** @return the server's counters */
    public ServerStats stats() {
        return stats;
    }

    /** Graceful stop: stop accepting, let in-flight requests finish within the grace period, close. */
    public void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + config.gracefulTimeout().toNanos();
        listeners.forEach(Listener::close);
        try {
            // Each listener accepts what is still queued before closing its socket; from then on
            // the set of connections only shrinks.
            for (Listener listener : listeners) {
                listener.awaitClosed();
            }
            connections.forEach(Connection::closeIfIdle);
            while (!connections.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
                connections.forEach(Connection::closeIfIdle);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(connection -> connection.abort("graceful period over"));
        if (watchdog != null) {
            watchdog.stop();
        }
        executor.shutdown();
        stopped.countDown();
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server has stopped. @throws InterruptedException when interrupted */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Counts a connection in. Never refused, not even while stopping: an accepted connection
     * carries a client that is waiting, and it is answered (with {@code Connection: close}).
     */
    void register(Connection connection) {
        connections.add(connection);
        stats.connectionOpened();
    }

    void connectionClosed(Connection connection) {
        if (connections.remove(connection)) {
            stats.connectionClosed();
        }
    }

    /** Shortens the keep-alive wait of connections idle between requests: frees pool threads. */
    void hurryIdleConnections(long millis) {
        connections.forEach(connection -> connection.hurryIfIdle(millis));
    }

    boolean stopping() {
        return stopping;
    }

    /** Where the listeners hand accepted connections ({@link ServerConfig#connectionThreads()}). */
    ConnectionExecutor executor() {
        return executor;
    }

    BufferPool buffers() {
        return buffers;
    }

    BufferPool headBuffers() {
        return headBuffers;
    }

    ServerConfig config() {
        return config;
    }

    Application application() {
        return application;
    }

    byte[] serverLine() {
        return serverLine;
    }

    void log(LogLevel level, String message) {
        config.log(level, message);
    }
}
