package io.gatehouse.appserver;

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
 * }
 */
final class ServerWorkerService implements WorkerService {

    private final Server server;

    ServerWorkerService(List<ServerSocketChannel> listeners, Application application, WorkerOptions options,
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
        ServerConfig config = ServerConfig.defaults().withBinds(addresses)
            .withGracefulTimeout(options.gracefulTimeout());
        this.server = new Server(config, counted, listeners);
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
