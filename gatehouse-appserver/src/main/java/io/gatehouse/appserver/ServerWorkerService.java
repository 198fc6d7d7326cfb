package io.gatehouse.appserver;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/**
 * The production {@link WorkerService}: runs {@link io.gatehouse.server.Server} on the inherited socket.
 * PLACEHOLDER until the server can take a pre-bound channel.
 */
final class ServerWorkerService implements WorkerService {

    ServerWorkerService(ServerSocketChannel listener, Application application, WorkerOptions options,
                        RequestBudget budget) {
    }

    @Override
    public void start() throws IOException {
        throw new IOException("the HTTP server cannot serve an inherited socket yet");
    }

    @Override
    public void stopGracefully() {
    }
}
