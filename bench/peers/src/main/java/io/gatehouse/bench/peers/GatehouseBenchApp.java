package io.gatehouse.bench.peers;

import examples.hello.HelloApp;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.util.List;

/**
 * The three benchmark resources as one gateway application: {@code /} is the seed's
 * {@link HelloApp} unchanged, {@code /json} and {@code /64k} send the same bodies as the peers.
 *
 * {@snippet :
 * new Server(ServerConfig.defaults(), new GatehouseBenchApp()).start();
 * }
 */
public final class GatehouseBenchApp implements Application {

    private static final List<Header> SIXTY_FOUR_KIB_HEADERS = List.of(
        Header.of("Content-Type", "application/octet-stream"),
        Header.of("Content-Length", String.valueOf(Bodies.SIXTY_FOUR_KIB.length)));
    private static final List<Header> NOT_FOUND_HEADERS = List.of(
        Header.of("Content-Type", "text/plain"), Header.of("Content-Length", "0"));

    private final Application hello = new HelloApp();

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        String path = environ.pathInfo();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return hello.call(environ, startResponse);
        }
        if (path.equals("/json")) {
            byte[] json = Bodies.json();
            startResponse.start("200 OK", List.of(
                Header.of("Content-Type", "application/json"),
                Header.of("Content-Length", String.valueOf(json.length))));
            return Body.of(json);
        }
        if (path.equals("/64k")) {
            startResponse.start("200 OK", SIXTY_FOUR_KIB_HEADERS);
            return Body.of(Bodies.SIXTY_FOUR_KIB);
        }
        startResponse.start("404 Not Found", NOT_FOUND_HEADERS);
        return Body.empty();
    }
}
