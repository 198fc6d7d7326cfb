package io.gatehouse.testing;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.GatewayViolation;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestClientTest {

    private static final Application HELLO = (environ, startResponse) -> {
        byte[] data = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
        startResponse.start("200 OK", List.of(
            Header.of("Content-Type", "text/plain"),
            Header.of("Content-Length", String.valueOf(data.length))));
        return Body.of(data);
    };

    /** Records the environ it was called with and answers 204. */
    private static final class Recorder implements Application {
        final AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

        @Override
        public Body call(Environ environ, io.gatehouse.spec.StartResponse startResponse) {
            seen.set(new HashMap<>(environ.asMap()));
            startResponse.start("204 No Content", List.of());
            return Body.empty();
        }

        Object get(String key) {
            return seen.get().get(key);
        }
    }

    @Test
    void getReturnsStatusHeadersAndBody() {
        TestResponse r = TestClient.of(HELLO).get("/").send();
        assertEquals(200, r.status());
        assertEquals("200 OK", r.statusLine());
        assertEquals("text/plain", r.header("content-type"));
        assertNull(r.header("X-Missing"));
        assertEquals(List.of(Header.of("Content-Type", "text/plain"), Header.of("Content-Length", "14")), r.headers());
        assertArrayEquals("Hello, World!\n".getBytes(StandardCharsets.US_ASCII), r.body());
        assertEquals("Hello, World!\n", r.text());
    }

    @Test
    void buildsACompleteEnviron() {
        Recorder app = new Recorder();
        TestClient.withoutValidation(app).get("/a%20b/caf%C3%A9?x=1&y=%20").send();
        assertEquals("GET", app.get(Environ.REQUEST_METHOD));
        assertEquals("", app.get(Environ.SCRIPT_NAME));
        assertEquals("/a b/café", app.get(Environ.PATH_INFO));
        assertEquals("x=1&y=%20", app.get(Environ.QUERY_STRING));
        assertEquals("/a%20b/caf%C3%A9?x=1&y=%20", app.get(Environ.REQUEST_URI));
        assertEquals("localhost", app.get(Environ.SERVER_NAME));
        assertEquals("80", app.get(Environ.SERVER_PORT));
        assertEquals("HTTP/1.1", app.get(Environ.SERVER_PROTOCOL));
        assertEquals("localhost", app.get("HTTP_HOST"));
        assertEquals("1.0", app.get(Environ.GATEWAY_VERSION));
        assertEquals("http", app.get(Environ.GATEWAY_URL_SCHEME));
        assertInstanceOf(ByteArrayInputStream.class, app.get(Environ.GATEWAY_INPUT));
        assertEquals(Boolean.FALSE, app.get(Environ.GATEWAY_MULTITHREAD));
        assertEquals(Boolean.FALSE, app.get(Environ.GATEWAY_MULTIPROCESS));
        assertEquals(Boolean.FALSE, app.get(Environ.GATEWAY_RUN_ONCE));
        assertNull(app.get(Environ.CONTENT_LENGTH));
        assertNull(app.get(Environ.CONTENT_TYPE));
    }

    @Test
    void headersBecomeHttpKeysJoinedTheWayServersJoinThem() {
        Recorder app = new Recorder();
        TestClient.of(app).post("/f")
            .header("Accept", "text/html").header("accept", "text/plain")
            .header("Cookie", "a=1").header("Cookie", "b=2")
            .header("X_Sneaky", "dropped")
            .header("X-Request-Id", "r1")
            .contentType("text/plain").body("hi")
            .send();
        assertEquals("text/html, text/plain", app.get("HTTP_ACCEPT"));
        assertEquals("a=1; b=2", app.get("HTTP_COOKIE"));
        assertNull(app.get("HTTP_X_SNEAKY"));
        assertEquals("r1", app.get("HTTP_X_REQUEST_ID"));
        assertEquals("text/plain", app.get(Environ.CONTENT_TYPE));
        assertEquals("2", app.get(Environ.CONTENT_LENGTH));
        assertFalse(app.seen.get().containsKey("HTTP_CONTENT_TYPE"));
        assertFalse(app.seen.get().containsKey("HTTP_CONTENT_LENGTH"));
    }

    @Test
    void requestBodyIsReadableFromInput() {
        Application echo = (environ, startResponse) -> {
            byte[] body = environ.input().readAllBytes();
            startResponse.start("200 OK", List.of(Header.of("Content-Length", String.valueOf(body.length))));
            return Body.of(body);
        };
        TestClient client = TestClient.of(echo);
        assertEquals("a=1&b=2", client.put("/x").body("a=1&b=2").send().text());
        assertArrayEquals(new byte[] {0, 1, 2}, client.request("PATCH", "/x").body(new byte[] {0, 1, 2}).send().body());
    }

    @Test
    void chunkedBodyHasNoLengthAndTrailersAfterTheEnd() {
        Application app = (environ, startResponse) -> {
            int before = environ.inputTrailers().fields().size();
            String body = new String(environ.input().readAllBytes(), StandardCharsets.UTF_8);
            String text = environ.contentLength() + " " + environ.header("Transfer-Encoding") + " " + body + " "
                + before + " " + environ.inputTrailers().fields();
            // Trailers appear only once the end of the body has been seen.
            startResponse.start("200 OK", List.of());
            return Body.of(text);
        };
        String text = TestClient.of(app).post("/").body("abc").trailer("Digest", "x").send().text();
        assertTrue(text.startsWith("-1 chunked abc 0 "), text);
        assertTrue(text.endsWith("[Header[name=Digest, value=x]]"), text);
    }

    @Test
    void scriptNameSplitsThePath() {
        Recorder app = new Recorder();
        TestClient client = TestClient.of(app);
        client.get("/app/users/7").scriptName("/app").send();
        assertEquals("/app", app.get(Environ.SCRIPT_NAME));
        assertEquals("/users/7", app.get(Environ.PATH_INFO));
        client.get("/app").scriptName("/app").send();
        assertEquals("", app.get(Environ.PATH_INFO));
        assertThrows(IllegalArgumentException.class, () -> client.get("/apple").scriptName("/app").send());
        assertThrows(IllegalArgumentException.class, () -> client.get("/x").scriptName("/app/"));
    }

    @Test
    void absoluteUrlSetsSchemeHostAndPort() {
        Recorder app = new Recorder();
        TestClient.of(app).get("https://example.com:8443/x?q").send();
        assertEquals("https", app.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("example.com", app.get(Environ.SERVER_NAME));
        assertEquals("8443", app.get(Environ.SERVER_PORT));
        assertEquals("example.com:8443", app.get("HTTP_HOST"));
        assertEquals("/x", app.get(Environ.PATH_INFO));
        assertEquals("q", app.get(Environ.QUERY_STRING));
        TestClient.of(app).get("https://example.com").send();
        assertEquals("443", app.get(Environ.SERVER_PORT));
        assertEquals("/", app.get(Environ.PATH_INFO));
    }

    @Test
    void hostHeaderSetsServerNameAndPort() {
        Recorder app = new Recorder();
        TestClient client = TestClient.of(app);
        client.get("/").header("Host", "shop.example:8080").send();
        assertEquals("shop.example", app.get(Environ.SERVER_NAME));
        assertEquals("8080", app.get(Environ.SERVER_PORT));
        assertEquals("shop.example:8080", app.get("HTTP_HOST"));
        client.get("/").header("Host", "[::1]").send();
        assertEquals("[::1]", app.get(Environ.SERVER_NAME));
        assertEquals("80", app.get(Environ.SERVER_PORT));
    }

    @Test
    void environOverridesAndBadTargets() {
        Recorder app = new Recorder();
        TestClient client = TestClient.of(app);
        client.get("/").environ(Environ.REMOTE_ADDR, "10.1.2.3").environ("x.custom", 42).send();
        assertEquals("10.1.2.3", app.get(Environ.REMOTE_ADDR));
        assertEquals(42, app.get("x.custom"));
        assertThrows(IllegalArgumentException.class, () -> client.get("relative"));
        assertThrows(IllegalArgumentException.class, () -> client.get("/%FF").send()); // not UTF-8
        assertThrows(IllegalArgumentException.class, () -> client.get("/%G1").send());
    }

    @Test
    void headersAreTakenAtTheFirstNonEmptyChunk() {
        // start_response called lazily, during iteration, after an empty chunk: legal.
        Application lazy = (environ, startResponse) -> new Body() {
            @Override
            public java.util.Iterator<byte[]> iterator() {
                return List.of(new byte[0], new byte[] {'x'}).stream().map(chunk -> {
                    if (chunk.length > 0) {
                        startResponse.start("201 Created", List.of());
                    }
                    return chunk;
                }).iterator();
            }
        };
        TestResponse r = TestClient.of(lazy).get("/").send();
        assertEquals(201, r.status());
        assertEquals("x", r.text());
    }

    @Test
    void excInfoReplacesHeadersBeforeTheyAreSent() {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("X-A", "1")));
            startResponse.start("500 Internal Server Error", List.of(), new IllegalStateException("boom"));
            return Body.of("oops");
        };
        TestResponse r = TestClient.of(app).get("/").send();
        assertEquals("500 Internal Server Error", r.statusLine());
        assertNull(r.header("X-A"));
    }

    @Test
    void excInfoAfterHeadersWereSentIsRethrown() {
        IllegalStateException failure = new IllegalStateException("late");
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return new Body() {
                @Override
                public java.util.Iterator<byte[]> iterator() {
                    return List.of("a", "b").stream().map(s -> {
                        if (s.equals("b")) {
                            startResponse.start("500 Internal Server Error", List.of(), failure);
                        }
                        return s.getBytes(StandardCharsets.UTF_8);
                    }).iterator();
                }
            };
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () -> TestClient.of(app).get("/").send()));
    }

    @Test
    void bodyIsClosedAfterSuccessFailureAndHead() {
        int[] closes = {0};
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Length", "2")));
            boolean fail = environ.pathInfo().equals("/fail");
            Iterable<byte[]> chunks = () -> List.of("o", "k").stream().map(s -> {
                if (fail) {
                    throw new IllegalStateException("mid-body");
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }).iterator();
            return Body.of(chunks, () -> closes[0]++);
        };
        TestClient client = TestClient.of(app);
        assertEquals("ok", client.get("/").send().text());
        assertEquals(1, closes[0]);
        assertThrows(IllegalStateException.class, () -> client.get("/fail").send());
        assertEquals(2, closes[0]);
        TestResponse head = client.head("/").send();
        assertEquals(0, head.body().length);
        assertEquals("2", head.header("Content-Length"));
        assertEquals(3, closes[0]);
    }

    @Test
    void applicationFailuresReachTheTest() {
        Application checked = (environ, startResponse) -> {
            throw new IOException("disk");
        };
        ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> TestClient.of(checked).get("/").send());
        assertInstanceOf(IOException.class, failure.getCause());
        Application unchecked = (environ, startResponse) -> {
            throw new UnsupportedOperationException("nope");
        };
        assertThrows(UnsupportedOperationException.class, () -> TestClient.of(unchecked).get("/").send());
    }

    @Test
    void runsUnderTheValidator() {
        Application bad = (environ, startResponse) -> {
            startResponse.start("OK", List.of());
            return Body.empty();
        };
        GatewayViolation v = assertThrows(GatewayViolation.class, () -> TestClient.of(bad).get("/").send());
        assertEquals(GatewayViolation.Party.APPLICATION, v.party());
        assertEquals("OK", TestClient.withoutValidation(bad).get("/").send().statusLine());
    }

    @Test
    void textUsesTheCharsetOfContentType() {
        Application latin = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain; charset=\"ISO-8859-1\"")));
            return Body.of(new byte[] {(byte) 0xE9});
        };
        assertEquals("é", TestClient.of(latin).get("/").send().text());
    }

    @Test
    void earlyHintsAndErrorsAreRecorded() {
        Application app = (environ, startResponse) -> {
            environ.earlyHints().send(List.of(Header.of("Link", "</a.css>; rel=preload")));
            environ.errors().print("logged");
            startResponse.start("200 OK", List.of());
            return Body.empty();
        };
        TestResponse r = TestClient.of(app).get("/").send();
        assertEquals(List.of(List.of(Header.of("Link", "</a.css>; rel=preload"))), r.earlyHints());
        assertEquals("logged", r.errors());
    }
}
