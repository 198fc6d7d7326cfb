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
 * new ServerWorkerService(listener, application, serverConfig, budget);   // with chosen settings
 * }
 */
public final class ServerWorkerService implements WorkerService {

    private final Server server;

    ServerWorkerService(ServerSocketChannel listener, Application application, WorkerOptions options,
                        RequestBudget budget) {
        this(listener, application, ServerConfig.defaults().withGracefulTimeout(options.gracefulTimeout()), budget);
    }

    /**
     * @param listener    the inherited listening socket
     * @param application the application
     * @param config      the server settings; its binds are replaced by the inherited socket's address
     * @param budget      spent once per request
     */
    public ServerWorkerService(ServerSocketChannel listener, Application application, ServerConfig config,
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
        this.server = new Server(config.withBinds(List.of(address)), counted, List.of(listener));
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
