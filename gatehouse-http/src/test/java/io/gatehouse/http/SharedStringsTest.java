package io.gatehouse.http;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What the codec shares or reuses to allocate less per request, without changing what callers
 * see: common field names and the target "/" as constants, a head writer writing into a given
 * (pooled) array.
 */
class SharedStringsTest {

    private static RequestHead parse(String head) throws HttpViolationException {
        RequestParser parser = new RequestParser(Limits.DEFAULTS);
        assertEquals(RequestParser.Event.HEAD, parser.feed(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1))));
        return parser.head();
    }

    @Test
    void commonNamesAreSharedConstantsAndOtherSpellingsAreKeptAsSent() throws Exception {
        RequestHead head = parse("GET / HTTP/1.1\r\nHost: a\r\nHOST-X: b\r\nAccept-Encoding: gzip\r\n"
            + "accept-encoding: br\r\nAccept-Encodinh: c\r\nX-Custom: d\r\n\r\n");
        assertSame("Host", head.name(0));
        assertEquals("HOST-X", head.name(1));
        assertSame("Accept-Encoding", head.name(2));
        assertSame("accept-encoding", head.name(3));
        assertEquals("Accept-Encodinh", head.name(4), "one byte off at the end is another name");
        assertEquals("X-Custom", head.name(5));
        assertEquals("a b gzip br c d", String.join(" ", head.value(0), head.value(1), head.value(2),
            head.value(3), head.value(4), head.value(5)));
        assertEquals("a", head.field("host"));
    }

    @Test
    void rootTargetIsSharedAndOthersAreDecoded() throws Exception {
        assertSame("/", parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n").target());
        RequestHead other = parse("GET /a?b=%2F HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals("/a?b=%2F", other.target());
        assertNotSame("/", parse("GET /? HTTP/1.1\r\nHost: a\r\n\r\n").target());
    }

    @Test
    void headWriterWritesIntoTheGivenArrayAndGivesItBack() {
        byte[] pooled = new byte[64];
        ResponseHeadWriter writer = new ResponseHeadWriter().use(pooled);
        writer.statusLine(1, "204 No Content").end();
        assertSame(pooled, writer.bytes());
        assertArrayEquals("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            java.util.Arrays.copyOf(writer.bytes(), writer.length()));
        assertSame(pooled, writer.release());
        assertNull(writer.release(), "nothing held after a release");
    }

    @Test
    void headWriterOutgrowsAGivenArrayThatIsTooSmall() {
        byte[] pooled = new byte[16];
        ResponseHeadWriter writer = new ResponseHeadWriter().use(pooled);
        writer.statusLine(1, "200 OK").field("X-Long", "v".repeat(40)).end();
        assertEquals("HTTP/1.1 200 OK\r\nX-Long: " + "v".repeat(40) + "\r\n\r\n",
            new String(writer.bytes(), 0, writer.length(), StandardCharsets.US_ASCII));
        assertNotSame(pooled, writer.release(), "the larger array is handed back instead");
    }
}
