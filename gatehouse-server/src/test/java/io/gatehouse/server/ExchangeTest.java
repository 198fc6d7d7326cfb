package io.gatehouse.server;

import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The basic exchanges over a raw socket: GET, keep-alive, pipelining, POST bodies, framing. */
class ExchangeTest {

    private static final String HELLO = """
        HTTP/1.1 200 OK\r
        Date: <masked>\r
        Server: Gatehouse/0.1\r
        Content-Type: text/plain\r
        Content-Length: 14\r
        \r
        Hello, World!
        """;

    @Test
    void getAnswersTheHelloApp() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(HELLO, client.readResponse().masked());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            for (int i = 0; i < 3; i++) {
                client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertEquals(HELLO, client.readResponse().masked());
            }
            assertEquals(1, running.server.stats().connectionsAccepted());
            assertEquals(3, running.server.stats().requests());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            client.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
                + "GET /c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            assertEquals("/a\n\n/a\nh:80\n", client.readResponse().bodyText());
            assertEquals("/b\n\n/b\nh:80\n", client.readResponse().bodyText());
            RawResponse last = client.readResponse();
            assertEquals("/c\n\n/c\nh:80\n", last.bodyText());
            assertEquals("close", last.field("Connection"));
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void postBodyWithContentLengthReachesTheApp() throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO); RawClient client = running.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world");
            assertEquals("""
                HTTP/1.1 200 OK\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                X-Trailers: -\r
                Content-Length: 11\r
                \r
                hello world""", client.readResponse().masked());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void chunkedRequestBodyWithTrailersReachesTheApp() throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO); RawClient client = running.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nChecksum: abc\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals("hello world", response.bodyText());
            assertEquals("Checksum=abc;", response.field("X-Trailers"));
        }
    }

    @Test
    void unknownLengthIsSentChunkedToHttp11AndUntilCloseToHttp10() throws Exception {
        try (RunningServer running = new RunningServer(Apps.STREAM)) {
            try (RawClient client = running.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals("""
                    HTTP/1.1 200 OK\r
                    Date: <masked>\r
                    Server: Gatehouse/0.1\r
                    Content-Type: text/plain\r
                    Transfer-Encoding: chunked\r
                    \r
                    4\r
                    one \r
                    4\r
                    two \r
                    5\r
                    three\r
                    0\r
                    \r
                    """, client.readResponse().masked());
                assertFalse(client.timeout(java.time.Duration.ofMillis(100)).closedByPeer());
            }
            try (RawClient client = running.connect()) {
                client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("""
                    HTTP/1.0 200 OK\r
                    Date: <masked>\r
                    Server: Gatehouse/0.1\r
                    Content-Type: text/plain\r
                    \r
                    one two three""", client.readResponse().masked());
            }
            running.validator.assertAllClosed();
        }
    }

    @Test
    void headOfAStreamedBodyAnnouncesChunkedButSendsNoBytes() throws Exception {
        try (RunningServer running = new RunningServer(Apps.STREAM); RawClient client = running.connect()) {
            client.send("HEAD / HTTP/1.1\r\nHost: h\r\n\r\nHEAD / HTTP/1.1\r\nHost: h\r\n\r\n");
            String head = """
                HTTP/1.1 200 OK\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                Transfer-Encoding: chunked\r
                \r
                """;
            assertEquals(head, client.readResponse(true).masked());
            assertEquals(head, client.readResponse(true).masked());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void noContentAndNotModifiedHaveNoFraming() throws Exception {
        io.gatehouse.spec.Application app = (environ, start) -> {
            if (environ.pathInfo().equals("/304")) {
                start.start("304 Not Modified", java.util.List.of(io.gatehouse.spec.Header.of("ETag", "\"x\"")));
            } else {
                start.start("204 No Content", java.util.List.of());
            }
            return io.gatehouse.spec.Body.empty();
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET /304 HTTP/1.1\r\nHost: h\r\n\r\nGET /204 HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("HTTP/1.1 304 Not Modified\r\nDate: <masked>\r\nServer: Gatehouse/0.1\r\nETag: \"x\"\r\n\r\n",
                client.readResponse().masked());
            assertEquals("HTTP/1.1 204 No Content\r\nDate: <masked>\r\nServer: Gatehouse/0.1\r\n\r\n",
                client.readResponse().masked());
        }
    }

    @Test
    void largeBodiesArriveWholeWithLengthAndChunked() throws Exception {
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        io.gatehouse.spec.Application app = (environ, start) -> {
            start.start("200 OK", java.util.List.of());
            return environ.pathInfo().equals("/length") ? io.gatehouse.spec.Body.of(big)
                : io.gatehouse.spec.Body.of(java.util.List.of(big, big)::iterator, () -> { });
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET /length HTTP/1.1\r\nHost: h\r\n\r\nGET /chunked HTTP/1.1\r\nHost: h\r\n\r\n");
            RawResponse length = client.readResponse();
            assertEquals("100000", length.field("Content-Length"));
            assertEquals(new String(big, java.nio.charset.StandardCharsets.US_ASCII), length.bodyText());
            RawResponse chunked = client.readResponse();
            assertEquals("chunked", chunked.field("Transfer-Encoding"));
            assertEquals(200_000, chunked.body().length);
            running.validator.assertAllClosed();
        }
    }

    @Test
    void headGetsTheHeadersOfGetAndNoBody() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("HEAD / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(HELLO.replace("Hello, World!\n", ""), client.readResponse(true).masked());
            assertEquals(HELLO, client.readResponse().masked());
            running.validator.assertAllClosed();
        }
    }
}
