package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;
import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The production {@link WorkerService}: runs the HTTP {@link Server} on the inherited socket, with
 * every request first spending one unit of the worker's {@link RequestBudget}.
 *
 * {@snippet :
 * WorkerMain.run(args, ServerWorkerService::new);   // what WorkerMain.main does
 * new ServerWorkerService(listener, application, serverConfig, budget);   // with chosen settings
 * }
 */
public final class ServerWorkerService implements WorkerService {

    private final Server server;
    private final LogLevel logLevel;

    ServerWorkerService(List<ServerSocketChannel> listeners, Application application, WorkerOptions options,
                        RequestBudget budget) {
        this(listeners, application, ServerConfig.defaults().withGracefulTimeout(options.gracefulTimeout()), budget);
    }

    /**
     * @param listeners   the inherited listening sockets, one per bind
     * @param application the application
     * @param config      the server settings; its binds are replaced by the inherited sockets' addresses
     * @param budget      spent once per request
     */
    public ServerWorkerService(List<ServerSocketChannel> listeners, Application application, ServerConfig config,
                               RequestBudget budget) {
        Application counted = (environ, startResponse) -> {
            budget.spend();
            return application.call(environ, startResponse);
        };
        List<SocketAddress> addresses = new ArrayList<>();
        for (ServerSocketChannel listener : listeners) {
            try {
                addresses.add(listener.getLocalAddress());
            } catch (IOException e) {
                throw new IllegalArgumentException("an inherited socket has no address: " + e.getMessage(), e);
            }
        }
        this.server = new Server(config.withBinds(addresses), counted, listeners);
        this.logLevel = config.logLevel();
    }

    @Override
    public LogLevel logLevel() {
        return logLevel;
    }

    @Override
    public void start() throws IOException {
        server.start();
    }

    /**
     * The server's graceful stop: it accepts what is already queued on this worker's copy of the
     * socket, closes that copy (the master's socket and queue stay for the other workers), and
     * lets every accepted connection get its answer.
     */
    @Override
    public void stopGracefully() {
        server.stop();
    }
}
