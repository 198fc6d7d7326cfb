package io.gatehouse.server;

import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a connection keeps from one request to the next to save work (the split of the last Host
 * value, pooled buffers) never leaks into the next request's answer.
 */
class KeepAliveStateTest {

    @Test
    void eachRequestGetsTheServerNameAndPortOfItsOwnHost() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            String[][] cases = {
                {"a.example:8080", "a.example:8080"},
                {"a.example:8080", "a.example:8080"},
                {"b.example", "b.example:80"},
                {"[::1]:9", "[::1]:9"},
                {"[::1]", "[::1]:80"},
                {"a.example:", "a.example:80"},
                {"a.example:8080", "a.example:8080"},
            };
            for (String[] c : cases) {
                client.send("GET /p HTTP/1.1\r\nHost: " + c[0] + "\r\n\r\n");
                assertEquals("/p\n\n/p\n" + c[1] + "\n", client.readResponse().bodyText(), "Host: " + c[0]);
            }
        }
    }

    @Test
    void aLargeResponseHeadAfterSmallOnesIsWrittenWhole() throws Exception {
        String big = "v".repeat(3000);
        try (RunningServer running = new RunningServer((environ, start) -> {
            boolean large = environ.pathInfo().equals("/big");
            start.start("200 OK", java.util.List.of(io.gatehouse.spec.Header.of("X-Size", large ? big : "small"),
                io.gatehouse.spec.Header.of("Content-Length", "0")));
            return io.gatehouse.spec.Body.empty();
        }); RawClient client = running.connect()) {
            for (String path : new String[] {"/small", "/big", "/small", "/big"}) {
                client.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals(path.equals("/big") ? big : "small", client.readResponse().field("X-Size"));
            }
        }
    }
}
