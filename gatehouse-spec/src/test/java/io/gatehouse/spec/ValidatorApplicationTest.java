package io.gatehouse.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliberately broken applications: each must trigger its own Validator message. */
class ValidatorApplicationTest {

    private static void assertViolation(Application app, String expected) {
        assertViolation(new MiniServer(), app, expected);
    }

    private static void assertViolation(MiniServer server, Application app, String expected) {
        GatewayViolation v = assertThrows(GatewayViolation.class, () -> server.run(app));
        assertEquals(GatewayViolation.Party.APPLICATION, v.party(), v.getMessage());
        assertTrue(v.getMessage().startsWith("application broke the gateway spec: "), v.getMessage());
        assertTrue(v.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + v.getMessage());
    }

    private static Application answering(String status, List<Header> headers, Body body) {
        return (environ, startResponse) -> {
            startResponse.start(status, headers);
            return body;
        };
    }

    @Test
    void aCompliantApplicationPasses() throws Exception {
        MiniServer server = new MiniServer();
        byte[] out = server.run(answering("200 OK", List.of(Header.of("Content-Length", "5")),
            Body.of("he".getBytes(StandardCharsets.US_ASCII), new byte[0], "llo".getBytes(StandardCharsets.US_ASCII))));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), out);
        assertEquals("200 OK", server.status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "OK", "200OK", "099 Low", "600 High", "200 ", "2000 OK", "20x OK", " 200 OK"})
    void statusMustBeThreeDigitsASpaceAndAReason(String status) {
        assertViolation(answering(status, List.of(), Body.empty()), "is not \"NNN Reason\"");
    }

    @Test
    void statusMustHoldNoControlCharacters() {
        assertViolation(answering("200 OK\r\nX-Injected: 1", List.of(), Body.empty()), "control character");
        assertViolation(answering(null, List.of(), Body.empty()), "status is null");
    }

    @Test
    void headersMustBeAListOfFields() {
        assertViolation(answering("200 OK", null, Body.empty()), "headers are null");
        assertViolation(answering("200 OK", Arrays.asList(Header.of("A", "1"), null), Body.empty()), "null entry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Name", "", "X:Y", "Café", "A\r\nB"})
    void headerNamesMustBeTokens(String name) {
        assertViolation(answering("200 OK", List.of(Header.of(name, "v")), Body.empty()), "is not a token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\0b", "a\u0007b", "a\u007fb", "\u20ac"})
    void headerValuesMustBeSafeOnTheWire(String value) {
        assertViolation(answering("200 OK", List.of(Header.of("X-A", value)), Body.empty()), "the wire cannot carry");
    }

    @Test
    void headerValuesHaveNoSurroundingWhitespace() {
        assertViolation(answering("200 OK", List.of(Header.of("X-A", " v")), Body.empty()), "whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "keep-alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade"})
    void hopByHopHeadersAreTheServers(String name) {
        assertViolation(answering("200 OK", List.of(Header.of(name, "x")), Body.empty()), "is hop-by-hop");
    }

    @Test
    void statusHeaderIsRefused() {
        assertViolation(answering("200 OK", List.of(Header.of("Status", "404")), Body.empty()), "Status header");
    }

    @Test
    void startResponseTwiceWithoutExcInfo() {
        assertViolation((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            startResponse.start("404 Not Found", List.of());
            return Body.empty();
        }, "second time without excInfo");
    }

    @Test
    void startResponseAgainWithExcInfoReplacesHeaders() throws Exception {
        MiniServer server = new MiniServer();
        server.run((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            startResponse.start("500 Internal Server Error", List.of(), new IOException("x"));
            return Body.of("failed");
        });
        assertEquals("500 Internal Server Error", server.status);
    }

    @Test
    void bodyBeforeStartResponse() {
        assertViolation((environ, startResponse) -> Body.of("early"), "before start_response was called");
        assertViolation((environ, startResponse) -> Body.empty(), "ended without start_response");
    }

    @Test
    void bodyAndChunksMustNotBeNull() {
        assertViolation(answering("200 OK", List.of(), null), "null body");
        assertViolation(answering("200 OK", List.of(), Body.of(Arrays.asList("a".getBytes(StandardCharsets.US_ASCII),
            null), () -> { })), "null chunk");
        assertViolation(answering("200 OK", List.of(), new Body() {
            @Override
            public Iterator<byte[]> iterator() {
                return null;
            }
        }), "iterator() returned null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"204 No Content", "304 Not Modified", "100 Continue"})
    void responsesWithoutContentMustBeEmpty(String status) {
        assertViolation(answering(status, List.of(), Body.of("x")), "has no content");
    }

    @Test
    void notModifiedMayDeclareALengthWithAnEmptyBody() throws Exception {
        MiniServer server = new MiniServer();
        server.run(answering("304 Not Modified", List.of(Header.of("Content-Length", "10")), Body.empty()));
        assertEquals("304 Not Modified", server.status);
    }

    @Test
    void contentLengthRules() {
        assertViolation(answering("204 No Content", List.of(Header.of("Content-Length", "0")), Body.empty()),
            "must not have Content-Length");
        assertViolation(answering("200 OK", List.of(Header.of("Content-Length", "1"), Header.of("content-length", "1")),
            Body.of("x")), "more than one Content-Length");
        assertViolation(answering("200 OK", List.of(Header.of("Content-Length", "1.0")), Body.of("x")),
            "is not decimal digits");
        assertViolation(answering("200 OK", List.of(Header.of("Content-Length", "5")), Body.of("abc")),
            "produced 3 bytes but its Content-Length declared 5");
        assertViolation(answering("200 OK", List.of(Header.of("Content-Length", "2")), Body.of("abc")),
            "more than the 2 bytes");
    }

    @Test
    void headMayDeclareTheLengthOfTheBodyItOmits() throws Exception {
        MiniServer server = new MiniServer();
        server.environ.put(Environ.REQUEST_METHOD, "HEAD");
        server.run(answering("200 OK", List.of(Header.of("Content-Length", "100")), Body.empty()));
        assertEquals("200 OK", server.status);
    }

    @Test
    void bodyLengthMustBeTruthful() {
        List<byte[]> chunks = List.of("abc".getBytes(StandardCharsets.US_ASCII));
        Body liar = new Body() {
            @Override
            public Iterator<byte[]> iterator() {
                return chunks.iterator();
            }

            @Override
            public long length() {
                return 4;
            }
        };
        assertViolation(answering("200 OK", List.of(), liar), "length() said 4 bytes but it produced 3");
    }

    @Test
    void inputIsOnlyRead() {
        MiniServer server = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        assertViolation(server, (environ, startResponse) -> {
            environ.input().close();
            return Body.empty();
        }, "gateway.input was closed");
        assertViolation(new MiniServer(), (environ, startResponse) -> {
            environ.input().mark(10);
            return Body.empty();
        }, "mark/reset");
        assertViolation(new MiniServer(), (environ, startResponse) -> {
            environ.input().reset();
            return Body.empty();
        }, "mark/reset");
        assertViolation(new MiniServer(), (environ, startResponse) -> {
            environ.input().read(new byte[2], 1, 5);
            return Body.empty();
        }, "range outside it");
    }

    @Test
    void errorsStreamIsNotClosed() {
        assertViolation((environ, startResponse) -> {
            environ.errors().close();
            return Body.empty();
        }, "gateway.errors was closed");
    }

    @Test
    void readingPastTheEndIsFine() throws Exception {
        MiniServer server = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        List<Integer> reads = new ArrayList<>();
        server.run((environ, startResponse) -> {
            InputStream input = environ.input();
            reads.add(input.readAllBytes().length);
            reads.add(input.read());
            reads.add(input.read(new byte[4]));
            startResponse.start("200 OK", List.of());
            return Body.empty();
        });
        assertEquals(List.of(3, -1, -1), reads);
    }

    @Test
    void earlyHintsFieldsAreChecked() throws Exception {
        MiniServer server = new MiniServer();
        List<List<Header>> sent = new ArrayList<>();
        server.environ.put(Environ.GATEWAY_EARLY_HINTS, (EarlyHints) sent::add);
        assertViolation(server, (environ, startResponse) -> {
            environ.earlyHints().send(List.of(Header.of("Link", "</a>\r\nX: 1")));
            return Body.empty();
        }, "the wire cannot carry");
        assertEquals(List.of(), sent);

        MiniServer good = new MiniServer();
        good.environ.put(Environ.GATEWAY_EARLY_HINTS, (EarlyHints) sent::add);
        good.run((environ, startResponse) -> {
            environ.earlyHints().send(List.of(Header.of("Link", "</a.css>; rel=preload")));
            startResponse.start("200 OK", List.of());
            return Body.empty();
        });
        assertEquals(List.of(List.of(Header.of("Link", "</a.css>; rel=preload"))), sent);
    }
}
