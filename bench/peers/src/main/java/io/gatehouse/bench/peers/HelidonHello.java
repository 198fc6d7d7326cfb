package io.gatehouse.bench.peers;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;

/**
 * Helidon SE 4 (the Níma web server: one virtual thread per connection) with plain routing.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.HelidonHello 19000
 * }
 */
public final class HelidonHello {

    private HelidonHello() {
    }

    /** @param args the port */
    public static void main(String[] args) {
        int port = Ports.fromArgs(args, "HelidonHello");
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .routing(routing -> routing
                .get("/", (req, res) -> send(res, "text/plain", Bodies.HELLO))
                .get("/json", (req, res) -> send(res, "application/json", Bodies.json()))
                .get("/64k", (req, res) -> send(res, "application/octet-stream", Bodies.SIXTY_FOUR_KIB)))
            .build()
            .start();
    }

    private static void send(ServerResponse response, String type, byte[] body) {
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, type);
        response.send(body);
    }
}
