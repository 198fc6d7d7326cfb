package io.gatehouse.bench.peers;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.ByteBuffer;

/**
 * Undertow's core {@code HttpHandler} on its default XNIO listener, answering on the I/O thread.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.UndertowHello 19000
 * }
 */
public final class UndertowHello {

    private UndertowHello() {
    }

    /** @param args the port */
    public static void main(String[] args) {
        int port = Ports.fromArgs(args, "UndertowHello");
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setHandler(UndertowHello::handle)
            .build()
            .start();
    }

    private static void handle(HttpServerExchange exchange) {
        switch (exchange.getRequestPath()) {
            case "/" -> send(exchange, 200, "text/plain", Bodies.HELLO);
            case "/json" -> send(exchange, 200, "application/json", Bodies.json());
            case "/64k" -> send(exchange, 200, "application/octet-stream", Bodies.SIXTY_FOUR_KIB);
            default -> send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    private static void send(HttpServerExchange exchange, int status, String type, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
