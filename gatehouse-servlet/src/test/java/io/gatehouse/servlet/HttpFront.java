package io.gatehouse.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** An application behind a real HTTP server on loopback, reached with the JDK's HttpClient. */
final class HttpFront implements Front {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Function<String, URI> uri;
    private final AutoCloseable server;

    HttpFront(Function<String, URI> uri, AutoCloseable server) {
        this.uri = uri;
        this.server = server;
    }

    @Override
    public Seen send(String method, String path, String contentType, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(path)).timeout(TIMEOUT)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return Seen.of(response.statusCode(), response.headers().map(), response.body());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop", e);
        }
    }
}
