package io.gatehouse.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliberately broken servers: each must trigger its own Validator message. */
class ValidatorServerTest {

    private static final Application OK = (environ, startResponse) -> {
        startResponse.start("200 OK", List.of());
        return Body.of("ok");
    };

    private static final Application READS_BODY = (environ, startResponse) -> {
        environ.input().readAllBytes();
        startResponse.start("200 OK", List.of());
        return Body.empty();
    };

    private static void assertViolation(org.junit.jupiter.api.function.Executable broken, String expected) {
        GatewayViolation v = assertThrows(GatewayViolation.class, broken);
        assertEquals(GatewayViolation.Party.SERVER, v.party(), v.getMessage());
        assertTrue(v.getMessage().startsWith("server broke the gateway spec: "), v.getMessage());
        assertTrue(v.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + v.getMessage());
    }

    private static void assertEnvironViolation(String key, Object value, String expected) {
        MiniServer server = new MiniServer();
        if (value == null) {
            server.environ.remove(key);
        } else {
            server.environ.put(key, value);
        }
        assertViolation(() -> server.run(OK), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME", "SERVER_PORT",
        "SERVER_PROTOCOL", "gateway.input", "gateway.errors", "gateway.multithread", "gateway.multiprocess",
        "gateway.run_once"})
    void everyRequiredKeyMustBePresent(String key) {
        assertEnvironViolation(key, null, "required environ key " + key + " is missing");
    }

    @Test
    void versionAndSchemeAreChecked() {
        assertEnvironViolation(Environ.GATEWAY_VERSION, null, "gateway.version must be");
        assertEnvironViolation(Environ.GATEWAY_VERSION, "2.0", "gateway.version must be");
        assertEnvironViolation(Environ.GATEWAY_URL_SCHEME, "ftp", "gateway.url_scheme must be");
    }

    @Test
    void cgiVariablesHaveTheirForms() {
        assertEnvironViolation(Environ.REQUEST_METHOD, "GE T", "is not a token");
        assertEnvironViolation(Environ.SCRIPT_NAME, "/", "SCRIPT_NAME \"/\"");
        assertEnvironViolation(Environ.SCRIPT_NAME, "app", "SCRIPT_NAME \"app\"");
        assertEnvironViolation(Environ.PATH_INFO, "x", "PATH_INFO \"x\"");
        assertEnvironViolation(Environ.SERVER_NAME, "", "SERVER_NAME is empty");
        assertEnvironViolation(Environ.SERVER_PORT, "eighty", "SERVER_PORT \"eighty\" must be decimal digits");
        assertEnvironViolation(Environ.SERVER_PROTOCOL, "HTTP/1", "SERVER_PROTOCOL");
        assertEnvironViolation(Environ.CONTENT_LENGTH, "-1", "CONTENT_LENGTH \"-1\"");
        assertEnvironViolation(Environ.CONTENT_LENGTH, "", "CONTENT_LENGTH \"\"");
        assertEnvironViolation(Environ.REMOTE_PORT, "x", "REMOTE_PORT");
        assertEnvironViolation(Environ.SERVER_PORT, 80, "CGI variable SERVER_PORT must be a String");
        assertEnvironViolation("HTTP_CONTENT_TYPE", "text/plain", "HTTP_CONTENT_TYPE must not be set");
        assertEnvironViolation("HTTP_CONTENT_LENGTH", "3", "HTTP_CONTENT_LENGTH must not be set");
    }

    @Test
    void gatewayKeysHaveTheirTypes() {
        assertEnvironViolation(Environ.GATEWAY_INPUT, "body", "gateway.input must be a java.io.InputStream");
        assertEnvironViolation(Environ.GATEWAY_ERRORS, System.err.toString(), "gateway.errors must be a java.io.PrintStream");
        assertEnvironViolation(Environ.GATEWAY_MULTITHREAD, "true", "gateway.multithread must be a java.lang.Boolean");
        assertEnvironViolation(Environ.GATEWAY_FILE_WRAPPER, "x", "gateway.file_wrapper must be");
        assertEnvironViolation(Environ.GATEWAY_EARLY_HINTS, "x", "gateway.early_hints must be");
        assertEnvironViolation(Environ.GATEWAY_INPUT_TRAILERS, List.of(), "gateway.input_trailers must be");
    }

    @Test
    void nullEntriesAndNullArguments() {
        MiniServer server = new MiniServer();
        server.environ.asMap().put("HTTP_X", null);
        assertViolation(() -> server.run(OK), "environ entry HTTP_X is null");
        assertViolation(() -> Validator.wrap(OK).call(MiniServer.validEnviron(new byte[0]), null), "start_response is null");
        assertViolation(() -> Validator.wrap(OK).call(null, new MiniServer()), "the environ is null");
    }

    @Test
    void bodyIsIteratedAtMostOnceAndClosedExactlyOnce() throws Exception {
        MiniServer server = new MiniServer();
        Body twice = Validator.wrap(OK).call(server.environ, server);
        twice.iterator();
        assertViolation(twice::iterator, "iterated twice");

        Body closedTwice = Validator.wrap(OK).call(MiniServer.validEnviron(new byte[0]), new MiniServer());
        closedTwice.close();
        assertViolation(closedTwice::close, "closed twice");
        assertViolation(closedTwice::iterator, "iterated after it was closed");

        Body usedAfterClose = Validator.wrap(OK).call(MiniServer.validEnviron(new byte[0]), new MiniServer());
        Iterator<byte[]> chunks = usedAfterClose.iterator();
        usedAfterClose.close();
        assertViolation(chunks::hasNext, "used after the body was closed");
        assertViolation(chunks::next, "used after the body was closed");
    }

    @Test
    void aBodyNeverClosedIsCounted() throws Exception {
        Validator validator = Validator.wrap(OK);
        Body body = validator.call(MiniServer.validEnviron(new byte[0]), new MiniServer());
        body.forEach(chunk -> { });
        assertEquals(1, validator.openBodies());
        assertViolation(validator::assertAllClosed, "1 response body was never closed");
        body.close();
        assertEquals(0, validator.openBodies());
        validator.assertAllClosed();
    }

    @Test
    void inputMustEndExactlyAtTheBodysEnd() {
        MiniServer tooMuch = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        tooMuch.environ.put(Environ.CONTENT_LENGTH, "2");
        assertViolation(() -> tooMuch.run(READS_BODY), "more than CONTENT_LENGTH (2) bytes");

        MiniServer truncated = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        truncated.environ.put(Environ.CONTENT_LENGTH, "5");
        assertViolation(() -> truncated.run(READS_BODY), "ended after 3 of CONTENT_LENGTH 5");

        MiniServer revived = new MiniServer();
        revived.environ.put(Environ.GATEWAY_INPUT, new InputStream() {
            private int calls;

            @Override
            public int read() {
                return calls++ == 0 ? -1 : 'x';
            }
        });
        assertViolation(() -> revived.run((environ, startResponse) -> {
            environ.input().read();
            environ.input().read();
            return Body.empty();
        }), "bytes after it had reported the end");

        MiniServer zero = new MiniServer();
        zero.environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[1]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return 0;
            }
        });
        assertViolation(() -> zero.run(READS_BODY), "returned 0");
    }

    @Test
    void trailersStayEmptyUntilTheEnd() {
        MiniServer server = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        server.environ.put(Environ.GATEWAY_INPUT_TRAILERS, (Trailers) () -> List.of(Header.of("Digest", "x")));
        assertViolation(() -> server.run((environ, startResponse) -> {
            environ.inputTrailers().fields();
            return Body.empty();
        }), "before gateway.input reached its end");
    }

    @Test
    void trailersAreNeverNull() {
        MiniServer server = new MiniServer();
        server.environ.put(Environ.GATEWAY_INPUT_TRAILERS, (Trailers) () -> null);
        assertViolation(() -> server.run((environ, startResponse) -> {
            environ.inputTrailers().fields();
            return Body.empty();
        }), "gateway.input_trailers returned null");
    }

    @Test
    void trailersAfterTheEndPassThrough() throws Exception {
        MiniServer server = new MiniServer("abc".getBytes(StandardCharsets.US_ASCII));
        server.environ.put(Environ.GATEWAY_INPUT_TRAILERS, (Trailers) () -> List.of(Header.of("Digest", "x")));
        server.run((environ, startResponse) -> {
            environ.input().readAllBytes();
            startResponse.start("200 OK", List.of());
            return Body.of(environ.inputTrailers().fields().getFirst().value());
        });
        assertEquals("200 OK", server.status);
    }

    @Test
    void excInfoAfterHeadersWentOutMustBeRethrown() {
        MiniServer lenient = new MiniServer() {
            @Override
            public void start(String status, List<Header> headers, Throwable excInfo) {
                this.status = status; // never re-throws: a broken server
            }
        };
        assertViolation(() -> lenient.run((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return new Body() {
                @Override
                public Iterator<byte[]> iterator() {
                    return List.of("a", "b").stream().map(s -> {
                        if (s.equals("b")) {
                            startResponse.start("500 Internal Server Error", List.of(), new IllegalStateException());
                        }
                        return s.getBytes(StandardCharsets.US_ASCII);
                    }).iterator();
                }
            };
        }), "must re-throw excInfo");
    }
}
