package io.gatehouse.cgi;

import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptResponseHeadTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void documentResponseKeepsTheBodyInTheStream() throws IOException {
        InputStream in = stream("Content-Type: text/plain\r\nX-A:  b \nTransfer-Encoding: chunked\n\nbody");
        ScriptResponseHead head = ScriptResponseHead.read(in, false);
        assertEquals("200 OK", head.status());
        assertEquals(List.of(Header.of("Content-Type", "text/plain"), Header.of("X-A", "b")), head.headers());
        assertEquals("body", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void statusAndRedirects() throws IOException {
        assertEquals("404 Client Error", ScriptResponseHead.read(stream("Status: 404\n\n"), false).status());
        ScriptResponseHead client = ScriptResponseHead.read(stream("Location: http://x/\n\n"), false);
        assertEquals("302 Found", client.status());
        assertFalse(client.isLocalRedirect());
        assertEquals("301 Moved", ScriptResponseHead.read(stream("Status: 301 Moved\nLocation: http://x/\n\n"), false)
            .status());
        assertTrue(ScriptResponseHead.read(stream("Location: /elsewhere\n\n"), false).isLocalRedirect());
        assertFalse(ScriptResponseHead.read(stream("Status: 303 See Other\nLocation: /x\n\n"), false).isLocalRedirect());
    }

    @Test
    void nphStatusLine() throws IOException {
        ScriptResponseHead head = ScriptResponseHead.read(stream("HTTP/1.0 418 Teapot\r\nContent-Type: a/b\r\n\r\n"), true);
        assertEquals("418 Teapot", head.status());
        assertThrows(ScriptResponseHead.Malformed.class, () -> ScriptResponseHead.read(stream("Content-Type: a/b\n\n"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Content-Type: text/plain\n", "no colon\n\n", ": empty name\n\n", "Bad Name: x\n\n",
        "Status: abc\n\n", "Status: 999 Nope\n\n", "X-Only: y\n\n", "Content-Type: a\rb\n\n"})
    void malformedHeads(String output) {
        assertThrows(ScriptResponseHead.Malformed.class, () -> ScriptResponseHead.read(stream(output), false));
    }

    @Test
    void headerSizeIsBounded() {
        String huge = "X-Big: " + "a".repeat(ScriptResponseHead.MAX_HEAD_BYTES) + "\n\n";
        assertThrows(ScriptResponseHead.Malformed.class, () -> ScriptResponseHead.read(stream(huge), false));
    }
}
