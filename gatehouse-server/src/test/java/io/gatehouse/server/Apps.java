package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small applications the server tests share. */
final class Apps {

    private Apps() {
    }

    /** The seed's hello app. */
    static final Application HELLO = (environ, start) -> {
        byte[] data = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
        start.start("200 OK", List.of(
            Header.of("Content-Type", "text/plain"),
            Header.of("Content-Length", String.valueOf(data.length))));
        return Body.of(data);
    };

    /** Answers with the request body it read, and the trailers after it. */
    static final Application ECHO = (environ, start) -> {
        byte[] body = environ.input().readAllBytes();
        StringBuilder trailers = new StringBuilder();
        for (Header trailer : environ.inputTrailers().fields()) {
            trailers.append(trailer.name()).append('=').append(trailer.value()).append(';');
        }
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain"),
            Header.of("X-Trailers", trailers.isEmpty() ? "-" : trailers.toString())));
        return Body.of(body);
    };

    /** Answers with the PATH_INFO, QUERY_STRING and REQUEST_URI it got, one a line. */
    static final Application PATH = (environ, start) -> {
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain; charset=utf-8")));
        return Body.of(environ.pathInfo() + "\n" + environ.queryString() + "\n"
            + environ.getString("REQUEST_URI") + "\n" + environ.serverName() + ":" + environ.serverPort() + "\n");
    };

    /** A streamed body of unknown length: three chunks. */
    static final Application STREAM = (environ, start) -> {
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
        List<byte[]> parts = List.of("one ".getBytes(StandardCharsets.US_ASCII), new byte[0],
            "two ".getBytes(StandardCharsets.US_ASCII), "three".getBytes(StandardCharsets.US_ASCII));
        return Body.of(parts::iterator, () -> { });
    };
}
