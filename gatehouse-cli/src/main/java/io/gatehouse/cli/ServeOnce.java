package io.gatehouse.cli;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shared tail of {@code static} and {@code cgi}: bind one address, print what is served where,
 * and run until SIGTERM or SIGINT.
 *
 * {@snippet :
 * ServeOnce.run(app, BindAddress.parse("127.0.0.1:8000"), "Serving /srv/www", out, err);
 * }
 */
final class ServeOnce {

    private ServeOnce() {
    }

    /**
     * @param application what to serve
     * @param bind        where
     * @param what        the start of the startup line, such as {@code "Serving /srv/www"}
     * @param out         where the startup line goes
     * @param err         where the stopping line goes
     * @return the exit code
     */
    static int run(Application application, InetSocketAddress bind, String what, PrintWriter out, PrintWriter err) {
        ServerConfig config = ServerConfig.defaults().withBinds(List.of(bind));
        Server server = new Server(config, application);
        try {
            server.start();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.CANNOT_BIND, "cannot bind " + BindAddress.hostPort(bind) + ": "
                + e.getMessage());
        }
        out.println(what + " on " + server.addresses().stream().map(BindAddress::url).collect(Collectors.joining(", "))
            + " (pid " + ProcessHandle.current().pid() + ")");
        out.flush();
        GracefulExit.onSignal(server, config.gracefulTimeout(), err);
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return ExitCode.OK.code();
    }
}
