package io.gatehouse.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * One bound address (IPv4 or IPv6) and the thread that accepts on it, starting a virtual thread
 * per connection. Closing the listener ends the accept loop; accepted connections live on.
 */
final class Listener implements Runnable {

    private final Server server;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("gatehouse-connection-", 0).factory();

    Listener(Server server, InetSocketAddress bind, int backlog) throws IOException {
        this.server = server;
        ServerSocketChannel opened = ServerSocketChannel.open();
        try {
            opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            opened.bind(bind, backlog);
        } catch (IOException e) {
            opened.close();
            throw new IOException("cannot bind " + bind.getHostString() + ":" + bind.getPort() + ": " + e.getMessage(), e);
        }
        this.channel = opened;
        this.address = (InetSocketAddress) opened.getLocalAddress();
    }

    /** Serves a channel bound by someone else (a socket inherited from the app server's master). */
    Listener(Server server, ServerSocketChannel bound) throws IOException {
        this.server = server;
        this.channel = bound;
        this.address = (InetSocketAddress) bound.getLocalAddress();
    }

    InetSocketAddress address() {
        return address;
    }

    void start() {
        Thread.ofPlatform().name("gatehouse-accept-" + address.getHostString() + ":" + address.getPort())
            .start(this);
    }

    @Override
    public void run() {
        while (channel.isOpen()) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, typically: say so once per attempt and give the
                // system a moment instead of spinning on the same error.
                server.log("accept failed on " + address + ": " + e.getMessage());
                pause();
                continue;
            }
            try {
                Connection connection = new Connection(server, accepted);
                if (server.register(connection)) {
                    connectionThreads.newThread(connection).start();
                } else {
                    accepted.close();
                }
            } catch (IOException e) {
                closeQuietly(accepted);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            server.log("closing listener " + address + " failed: " + e.getMessage());
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the peer is gone already
        }
    }
}
