package io.gatehouse.server;

import io.gatehouse.http.Limits;
import io.gatehouse.http.Violation;
import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request the server must refuse: the status, the named violation, and a closed connection. */
class RejectionTest {

    static Stream<Arguments> badRequests() {
        return Stream.of(
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                Violation.DIFFERING_CONTENT_LENGTHS),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\nhello",
                Violation.DIFFERING_CONTENT_LENGTHS),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n", Violation.INVALID_CONTENT_LENGTH),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nhello", Violation.INVALID_CONTENT_LENGTH),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n",
                Violation.INVALID_CONTENT_LENGTH),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                Violation.INVALID_CHUNK_SIZE),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n",
                Violation.INVALID_CHUNK_SIZE),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000001\r\nhello\r\n",
                Violation.CHUNK_SIZE_OVERFLOW),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
                Violation.MISSING_CHUNK_CRLF),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  folded\r\n\r\n", Violation.OBS_FOLD),
            Arguments.of("GET / HTTP/1.1\r\nHost : h\r\n\r\n", Violation.WHITESPACE_BEFORE_COLON),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n", Violation.BARE_CR),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\nX-A: b\r\n\r\n", Violation.BARE_LF),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\0b\r\n\r\n", Violation.CONTROL_CHARACTER),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u0001b\r\n\r\n", Violation.CONTROL_CHARACTER),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\n: empty name\r\n\r\n", Violation.INVALID_FIELD_NAME),
            Arguments.of("GET / HTTP/1.1\r\nHost: h\r\nnocolon\r\n\r\n", Violation.INVALID_FIELD_NAME),
            Arguments.of("GET / HTTP/1.1\r\n\r\n", Violation.MISSING_HOST),
            Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", Violation.MULTIPLE_HOST),
            Arguments.of("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", Violation.INVALID_HOST),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
                Violation.UNKNOWN_TRANSFER_CODING),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                Violation.INVALID_TRANSFER_ENCODING),
            Arguments.of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                Violation.TRANSFER_ENCODING_IN_HTTP_1_0),
            Arguments.of("GET / HTTP/2.0\r\nHost: h\r\n\r\n", Violation.UNSUPPORTED_VERSION),
            Arguments.of("GET / HTTP/1.2\r\nHost: h\r\n\r\n", Violation.UNSUPPORTED_VERSION),
            Arguments.of("GET / HTTX/1.1\r\nHost: h\r\n\r\n", Violation.MALFORMED_VERSION),
            Arguments.of("GET / HTTP/1.1 \r\nHost: h\r\n\r\n", Violation.MALFORMED_VERSION),
            Arguments.of("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", Violation.MALFORMED_REQUEST_LINE),
            Arguments.of("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", Violation.MALFORMED_REQUEST_LINE),
            Arguments.of("GET example.com HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_TARGET),
            Arguments.of("GET * HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_TARGET),
            Arguments.of("GET /caf\u00e9 HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_TARGET),
            Arguments.of("GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_PATH_ENCODING),
            Arguments.of("GET /a%C3%28 HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_PATH_ENCODING),
            Arguments.of("GET /a% HTTP/1.1\r\nHost: h\r\n\r\n", Violation.INVALID_PATH_ENCODING),
            Arguments.of("POST / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx",
                Violation.UNSUPPORTED_EXPECTATION));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestIsAnsweredWithItsStatusAndTheConnectionCloses(String request, Violation violation) throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO); RawClient client = running.connect()) {
            client.send(request);
            assertRejected(client, violation);
            assertEquals(1, running.server.stats().rejections(violation));
            running.validator.assertAllClosed();
        }
    }

    @Test
    void rejectionIsAWholeResponseThatNamesTheViolation() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n folded\r\n\r\n");
            assertEquals("""
                HTTP/1.1 400 Bad Request\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Length: 45\r
                Connection: close\r
                \r
                Bad Request: OBS_FOLD (RFC 9112 section 5.2)
                """, client.readResponse().masked());
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void limitsAnswer414And431And413() throws Exception {
        Limits small = new Limits(32, 3, 40, 120, 10);
        try (RunningServer running = new RunningServer(Apps.ECHO, c -> c.withLimits(small))) {
            reject(running, "GET /" + "a".repeat(40) + " HTTP/1.1\r\nHost: h\r\n\r\n", Violation.REQUEST_LINE_TOO_LONG);
            reject(running, "GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + "b".repeat(40) + "\r\n\r\n", Violation.FIELD_TOO_LARGE);
            reject(running, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", Violation.TOO_MANY_FIELDS);
            reject(running, "GET / HTTP/1.1\r\nHost: h\r\nA: " + "1".repeat(30) + "\r\nB: " + "2".repeat(30)
                + "\r\n" + "C: " + "3".repeat(30) + "\r\n\r\n", Violation.HEAD_TOO_LARGE);
            reject(running, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world", Violation.BODY_TOO_LARGE);
            reject(running, "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n",
                Violation.BODY_TOO_LARGE);
        }
    }

    private static void reject(RunningServer running, String request, Violation violation) throws Exception {
        try (RawClient client = running.connect()) {
            client.send(request);
            assertRejected(client, violation);
        }
    }

    static void assertRejected(RawClient client, Violation violation) throws Exception {
        RawResponse response = client.readResponse();
        assertEquals("HTTP/1.1 " + violation.statusText(), response.statusLine(), response.text());
        assertEquals("close", response.field("Connection"));
        assertTrue(response.bodyText().contains(violation.name()), response.bodyText());
        assertTrue(client.closedByPeer(), "connection must close after a rejection");
    }
}
