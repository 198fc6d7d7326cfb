package io.gatehouse.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response side of the codec: head writer, chunk framing, Date line, field checks. */
class WriterTest {

    @Test
    void headWriterWritesStatusLineFieldsAndEmptyLine() {
        ResponseHeadWriter writer = new ResponseHeadWriter();
        writer.statusLine(1, "200 OK").field("Content-Type", "text/plain").field("Content-Length", 1234567890123L)
            .line("Server: x\r\n".getBytes(StandardCharsets.US_ASCII)).field("X-Zero", 0).end();
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1234567890123\r\nServer: x\r\n"
            + "X-Zero: 0\r\n\r\n", text(writer));
        writer.statusLine(0, "404 Not Found").field("X-Latin", "caf\u00e9").end();
        assertEquals("HTTP/1.0 404 Not Found\r\nX-Latin: caf\u00e9\r\n\r\n",
            new String(writer.bytes(), 0, writer.length(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void headWriterGrowsForLargeHeads() {
        ResponseHeadWriter writer = new ResponseHeadWriter();
        String big = "v".repeat(5000);
        writer.statusLine(1, "200 OK").field("X-Big", big).end();
        assertEquals("HTTP/1.1 200 OK\r\nX-Big: " + big + "\r\n\r\n", text(writer));
    }

    @Test
    void chunkSizeLinesAreLowerCaseHexWithCrlf() {
        byte[] out = new byte[ChunkedEncoder.MAX_SIZE_LINE];
        assertEquals("1\r\n", sizeLine(out, 1));
        assertEquals("f\r\n", sizeLine(out, 15));
        assertEquals("10\r\n", sizeLine(out, 16));
        assertEquals("4000\r\n", sizeLine(out, 16384));
        assertEquals("7fffffffffffffff\r\n", sizeLine(out, Long.MAX_VALUE));
        assertEquals("0\r\n\r\n", new String(ChunkedEncoder.LAST_CHUNK, StandardCharsets.US_ASCII));
    }

    @Test
    void dateLineIsAnImfFixdate() {
        String line = new String(HttpDate.fieldLine(), StandardCharsets.US_ASCII);
        assertTrue(line.matches("Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n"),
            line);
    }

    @Test
    void fieldChecksRefuseWhatWouldSplitAResponse() {
        assertTrue(Tokens.isFieldName("X-Good_Name~1"));
        assertFalse(Tokens.isFieldName("Bad Name"));
        assertFalse(Tokens.isFieldName("Bad:Name"));
        assertFalse(Tokens.isFieldName(""));
        assertTrue(Tokens.isFieldValue("a value\twith tab and caf\u00e9"));
        assertTrue(Tokens.isFieldValue(""));
        assertFalse(Tokens.isFieldValue("a\r\nSet-Cookie: x"));
        assertFalse(Tokens.isFieldValue("a\nb"));
        assertFalse(Tokens.isFieldValue("a\0b"));
        assertFalse(Tokens.isFieldValue("\u0100"));
        assertFalse(Tokens.isFieldValue(" leading"));
        assertFalse(Tokens.isFieldValue("trailing "));
    }

    @Test
    void chunkedDecoderWorksOnItsOwnForResponses() throws HttpViolationException {
        ChunkedDecoder decoder = new ChunkedDecoder(Limits.DEFAULTS);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap("3\r\nabc\r\n0\r\n\r\nrest".getBytes(StandardCharsets.US_ASCII));
        int n = decoder.feed(in);
        assertEquals(3, n);
        assertEquals("abc", new String(Arrays.copyOfRange(in.array(), decoder.dataStart(), decoder.dataStart() + n),
            StandardCharsets.US_ASCII));
        assertEquals(0, decoder.feed(in));
        assertTrue(decoder.done());
        assertEquals(4, in.remaining(), "bytes after the body are left for the next message");
    }

    private static String sizeLine(byte[] out, long size) {
        int n = ChunkedEncoder.writeSizeLine(out, 0, size);
        return new String(out, 0, n, StandardCharsets.US_ASCII);
    }

    private static String text(ResponseHeadWriter writer) {
        return new String(writer.bytes(), 0, writer.length(), StandardCharsets.ISO_8859_1);
    }
}
