package io.gatehouse.staticfiles;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The small parsers on their own: Range, Accept-Encoding, HTTP dates, media types. */
class HeaderParsingTest {

    @Test
    void rangeSpecs() {
        assertEquals(Optional.of(List.of(new ByteRange(0, 99), new ByteRange(990, 999))),
            ByteRange.parse("bytes=0-99, -10", 1000));
        assertEquals(Optional.of(List.of(new ByteRange(0, 99))), ByteRange.parse("BYTES = 0-99,", 1000),
            "case-insensitive unit, empty list elements");
        assertEquals(Optional.of(List.of()), ByteRange.parse("bytes=1000-", 1000));
        assertEquals(Optional.of(List.of()), ByteRange.parse("bytes=-0", 1000), "a zero suffix is unsatisfiable");
        assertEquals(Optional.of(List.of(new ByteRange(5, 999))), ByteRange.parse("bytes=5-99999999999999999999999", 1000),
            "huge numbers do not overflow");
        assertEquals(Optional.empty(), ByteRange.parse("bytes=" + "0-0,".repeat(ByteRange.MAX_RANGES + 1), 1000));
        assertEquals(Optional.of(List.of(new ByteRange(0, 0))), ByteRange.parse("bytes=" + "0-0,".repeat(50), 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=1-2-3", 1000));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
    }

    @Test
    void acceptEncodingQualities() {
        AcceptEncoding accept = AcceptEncoding.parse("gzip;q=0.8, br, x-gzip;q=0.9, zstd;q=1.5");
        assertEquals(1.0, accept.quality("br"));
        assertEquals(0.9, accept.quality("gzip"), "x-gzip is gzip (RFC 9110, 8.4.1.3)");
        assertEquals(0.0, accept.quality("zstd"), "an invalid qvalue counts as 0");
        assertEquals(0.0, accept.quality("deflate"));
        assertEquals("br", accept.best(List.of("br", "gzip")));
        assertNull(AcceptEncoding.parse(null).best(List.of("br", "gzip")));
        assertEquals("gzip", AcceptEncoding.parse("GZIP").best(List.of("br", "gzip")));
    }

    @Test
    void httpDates() {
        Instant when = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(when));
        assertEquals(Optional.of(when), HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(when), HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(when), HttpDate.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Optional.empty(), HttpDate.parse("06/11/1994"));
    }

    @Test
    void mediaTypes() {
        assertEquals("text/html; charset=utf-8", MediaTypes.of("index.HTML"));
        assertEquals("text/javascript; charset=utf-8", MediaTypes.of("app.mjs"));
        assertEquals("image/svg+xml", MediaTypes.of("logo.svg"));
        assertEquals("application/octet-stream", MediaTypes.of("README"));
        assertEquals("application/octet-stream", MediaTypes.of("trailing."));
    }
}
