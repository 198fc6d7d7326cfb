package io.gatehouse.spec;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironTest {

    @Test
    void headerKeyIsUpperCaseWithUnderscores() {
        assertEquals("HTTP_ACCEPT_LANGUAGE", Environ.headerKey("Accept-Language"));
        assertEquals("HTTP_X_REQUEST_ID", Environ.headerKey("x-request-id"));
        assertEquals("HTTP_HOST", Environ.headerKey("Host"));
    }

    @Test
    void headerReadsHttpKeysAndTheTwoUnprefixedOnes() {
        Environ environ = new Environ(Map.of(
            "HTTP_X_USER", "ada",
            Environ.CONTENT_TYPE, "text/plain",
            Environ.CONTENT_LENGTH, "12",
            "HTTP_CONTENT_TYPE", "never read"));
        assertEquals("ada", environ.header("x-user"));
        assertEquals("text/plain", environ.header("content-type"));
        assertEquals("text/plain", environ.header("Content-Type"));
        assertEquals("12", environ.header("CONTENT-LENGTH"));
        assertNull(environ.header("Accept"));
    }

    @Test
    void gettersHaveDefaultsForAbsentKeys() {
        Environ environ = new Environ();
        assertEquals("", environ.scriptName());
        assertEquals("", environ.pathInfo());
        assertEquals("", environ.queryString());
        assertEquals(-1, environ.contentLength());
        assertNull(environ.contentType());
        assertNull(environ.requestMethod());
        assertSame(Trailers.NONE, environ.inputTrailers());
        assertEquals(List.of(), environ.inputTrailers().fields());
        assertSame(FileWrapper.DEFAULT, environ.fileWrapper());
        assertNull(environ.earlyHints());
        assertFalse(environ.multithread());
        assertFalse(environ.multiprocess());
        assertFalse(environ.runOnce());
    }

    @Test
    void gettersReadTheMap() {
        ByteArrayInputStream input = new ByteArrayInputStream(new byte[0]);
        PrintStream errors = System.err;
        Environ environ = new Environ()
            .put(Environ.REQUEST_METHOD, "POST").put(Environ.SCRIPT_NAME, "/app").put(Environ.PATH_INFO, "/x")
            .put(Environ.QUERY_STRING, "a=1").put(Environ.CONTENT_LENGTH, "42").put(Environ.SERVER_NAME, "h")
            .put(Environ.SERVER_PORT, "8080").put(Environ.SERVER_PROTOCOL, "HTTP/1.0").put(Environ.REMOTE_ADDR, "::1")
            .put(Environ.GATEWAY_URL_SCHEME, "https").put(Environ.GATEWAY_INPUT, input)
            .put(Environ.GATEWAY_ERRORS, errors).put(Environ.GATEWAY_MULTITHREAD, true)
            .put(Environ.GATEWAY_MULTIPROCESS, true).put(Environ.GATEWAY_RUN_ONCE, true);
        assertEquals("POST", environ.requestMethod());
        assertEquals("/app", environ.scriptName());
        assertEquals("/x", environ.pathInfo());
        assertEquals("a=1", environ.queryString());
        assertEquals(42, environ.contentLength());
        assertEquals("h", environ.serverName());
        assertEquals("8080", environ.serverPort());
        assertEquals("HTTP/1.0", environ.serverProtocol());
        assertEquals("::1", environ.remoteAddr());
        assertEquals("https", environ.urlScheme());
        assertSame(input, environ.input());
        assertSame(errors, environ.errors());
        assertTrue(environ.multithread());
        assertTrue(environ.multiprocess());
        assertTrue(environ.runOnce());
    }

    @Test
    void mapIsLiveAndCopyIsIndependent() {
        Environ environ = new Environ().put("k", "v");
        environ.asMap().put(Environ.PATH_INFO, "/y");
        assertEquals("/y", environ.pathInfo());
        Environ copy = environ.copy();
        copy.put("k", "changed");
        assertEquals("v", environ.get("k"));
        assertEquals("v", environ.remove("k"));
        assertFalse(environ.containsKey("k"));
        assertTrue(copy.keys().contains("k"));
    }

    @Test
    void refusesNullValuesAndWrongTypes() {
        Environ environ = new Environ();
        assertThrows(NullPointerException.class, () -> environ.put("k", null));
        environ.put(Environ.SERVER_PORT, 80);
        assertThrows(ClassCastException.class, environ::serverPort);
    }
}
