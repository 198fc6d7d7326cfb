package io.gatehouse.bench.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The JDK's built-in {@code com.sun.net.httpserver.HttpServer} with one virtual thread per exchange.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.JdkHello 19000
 * }
 */
public final class JdkHello {

    private JdkHello() {
    }

    /** @param args the port */
    public static void main(String[] args) throws IOException {
        int port = Ports.fromArgs(args, "JdkHello");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 2048);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", JdkHello::handle);
        server.start();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/" -> send(exchange, 200, "text/plain", Bodies.HELLO);
            case "/json" -> send(exchange, 200, "application/json", Bodies.json());
            case "/64k" -> send(exchange, 200, "application/octet-stream", Bodies.SIXTY_FOUR_KIB);
            default -> send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
