package io.gatehouse.bench.peers;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Vert.x core {@code HttpServer}, one verticle instance (so one event loop) per available processor,
 * all sharing the port as Vert.x does.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.VertxHello 19000
 * }
 */
public final class VertxHello extends VerticleBase {

    private static final Buffer HELLO = Buffer.buffer(Bodies.HELLO);
    private static final Buffer SIXTY_FOUR_KIB = Buffer.buffer(Bodies.SIXTY_FOUR_KIB);

    private final int port;

    private VertxHello(int port) {
        this.port = port;
    }

    /** @param args the port */
    public static void main(String[] args) {
        int port = Ports.fromArgs(args, "VertxHello");
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx.vertx()
            .deployVerticle(() -> new VertxHello(port), new DeploymentOptions().setInstances(instances))
            .onFailure(e -> {
                System.err.println("VertxHello: cannot start: " + e.getMessage());
                System.exit(1);
            });
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer()
            .requestHandler(VertxHello::handle)
            .listen(port, "127.0.0.1");
    }

    private static void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        switch (request.path()) {
            case "/" -> response.putHeader("Content-Type", "text/plain").end(HELLO);
            case "/json" -> response.putHeader("Content-Type", "application/json").end(Buffer.buffer(Bodies.json()));
            case "/64k" -> response.putHeader("Content-Type", "application/octet-stream").end(SIXTY_FOUR_KIB);
            default -> response.setStatusCode(404).end();
        }
    }
}
