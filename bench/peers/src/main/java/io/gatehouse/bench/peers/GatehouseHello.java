package io.gatehouse.bench.peers;

import examples.hello.HelloApp;
import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Gatehouse for the benchmark: the real {@link Server} with its default settings, bound to
 * 127.0.0.1, serving either the seed's {@link HelloApp} alone ({@code hello}) or
 * {@link GatehouseBenchApp} ({@code bench}: {@code /}, {@code /json}, {@code /64k}).
 *
 * <p>The one setting changed is the idle keep-alive timeout, raised from 5 s to 60 s so the idle
 * connection test can hold its connections while it measures (the peers' defaults are 30 s or more).
 * Exits with status 3 and one line when the server cannot run, so the harness can report
 * "not available".
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.GatehouseHello 19000 bench
 * }
 */
public final class GatehouseHello {

    private GatehouseHello() {
    }

    /** @param args the port, then {@code hello} (default) or {@code bench} */
    public static void main(String[] args) throws Exception {
        int port = Ports.fromArgs(args, "GatehouseHello");
        String which = args.length > 1 ? args[1] : "hello";
        Application app = switch (which) {
            case "hello" -> new HelloApp();
            case "bench" -> new GatehouseBenchApp();
            default -> {
                System.err.println("GatehouseHello: the application must be 'hello' or 'bench', got '" + which + "'");
                System.exit(2);
                yield null;
            }
        };
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = defaults
            .withBinds(List.of(new InetSocketAddress("127.0.0.1", port)))
            .withTimeouts(defaults.headerTimeout(), defaults.bodyTimeout(), defaults.writeTimeout(),
                Duration.ofSeconds(60));
        Server server = new Server(config, app);
        try {
            server.start();
        } catch (UnsupportedOperationException e) {
            System.err.println("GatehouseHello: the server cannot start yet ('" + e.getMessage() + "')");
            System.exit(3);
        }
        server.awaitStop();
    }
}
