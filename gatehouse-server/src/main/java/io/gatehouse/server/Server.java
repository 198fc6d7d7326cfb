package io.gatehouse.server;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * CONTRACT PLACEHOLDER: the API the command line codes against; the server helper replaces the
 * bodies with the real server. Nothing may ship while this comment is here.
 */
public final class Server implements AutoCloseable {

    private final ServerConfig config;
    private final Application application;

    /**
     * @param config      the settings
     * @param application the application to serve
     */
    public Server(ServerConfig config, Application application) {
        this.config = Objects.requireNonNull(config, "config");
        this.application = Objects.requireNonNull(application, "application");
    }

    /** Binds every address and starts accepting. @throws IOException when an address cannot be bound */
    public void start() throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** @return the bound addresses, with the real port where port 0 was asked for */
    public List<InetSocketAddress> addresses() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Graceful stop: stop accepting, let in-flight requests finish within the grace period, close. */
    public void stop() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Blocks until the server has stopped. @throws InterruptedException when interrupted */
    public void awaitStop() throws InterruptedException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
