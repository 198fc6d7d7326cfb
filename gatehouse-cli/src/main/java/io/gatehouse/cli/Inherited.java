package io.gatehouse.cli;

import io.gatehouse.appserver.InheritedChannels;
import io.gatehouse.appserver.InheritedSocketAddress;
import io.gatehouse.server.ListenSocket;
import io.gatehouse.server.LogLevel;
import io.gatehouse.server.ServerConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening channels of a single-process {@code serve} when some are inherited rather than
 * bound: {@code --bind fd://N}, or the sockets systemd passed (LISTEN_FDS and LISTEN_PID, which
 * then replace every {@code --bind}, as with Gunicorn). With neither, the server binds
 * {@code config.binds()} itself and this returns an empty list.
 *
 * {@snippet :
 * Server server = new Server(config, app, Inherited.channels(config, err));
 * }
 */
final class Inherited {

    private Inherited() {
    }

    /**
     * @param config the server settings, whose binds may hold {@link InheritedSocketAddress}es
     * @param err    where the line saying that systemd's sockets are used goes
     * @return every listening channel when any bind is inherited, else an empty list
     * @throws CommandFailure with {@link ExitCode#CANNOT_BIND} when a socket cannot be used
     */
    static List<ServerSocketChannel> channels(ServerConfig config, PrintWriter err) {
        List<? extends SocketAddress> binds = InheritedChannels.systemd(System.getenv(), ProcessHandle.current().pid());
        if (binds.isEmpty()) {
            binds = config.binds();
            if (binds.stream().noneMatch(InheritedSocketAddress.class::isInstance)) {
                return List.of();
            }
        } else if (config.logLevel().allows(LogLevel.INFO)) {
            err.println("gatehouse: serving the " + binds.size() + " socket(s) systemd passed (LISTEN_FDS); --bind is ignored");
            err.flush();
        }
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            for (SocketAddress bind : binds) {
                channels.add(bind instanceof InheritedSocketAddress fd ? InheritedChannels.adopt(fd.fd())
                    : ListenSocket.open(bind, config.backlog()));
            }
        } catch (IOException e) {
            channels.forEach(Inherited::closeQuietly);
            throw new CommandFailure(ExitCode.CANNOT_BIND, e.getMessage());
        }
        return channels;
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Failing anyway; the first error is the one to report.
        }
    }
}
