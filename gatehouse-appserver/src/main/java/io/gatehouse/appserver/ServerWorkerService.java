package io.gatehouse.appserver;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
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

    /** Time for a just-accepted connection to receive its first request before the stop begins. */
    private static final long SETTLE_MILLIS = 250;

    private final Server server;
    private final ServerSocketChannel listener;

    ServerWorkerService(ServerSocketChannel listener, Application application, WorkerOptions options,
                        RequestBudget budget) {
        Application counted = (environ, startResponse) -> {
            budget.spend();
            return application.call(environ, startResponse);
        };
        InetSocketAddress address;
        try {
            address = (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException("the inherited socket has no address: " + e.getMessage(), e);
        }
        ServerConfig config = ServerConfig.defaults().withBinds(List.of(address))
            .withGracefulTimeout(options.gracefulTimeout());
        this.server = new Server(config, counted, List.of(listener));
        this.listener = listener;
    }

    @Override
    public void start() throws IOException {
        server.start();
    }

    /**
     * Stops accepting first, and lets connections accepted a moment ago receive their first request
     * before {@link Server#stop()} closes the ones it finds idle: a client that has just connected
     * must get an answer, not a reset. (Better done inside the server: see docs/app-server.md.)
     */
    @Override
    public void stopGracefully() {
        try {
            listener.close();   // this worker's copy only; the master's socket and queue stay
            Thread.sleep(SETTLE_MILLIS);
        } catch (IOException e) {
            // Not accepting any more either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
    }
}
