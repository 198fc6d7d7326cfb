package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConditionalRequestTest {

    private static final String MODIFIED = "Fri, 02 Jan 2026 03:04:05 GMT";

    @TempDir
    Path root;

    private TestClient client;
    private String etag;

    @BeforeEach
    void site() throws Exception {
        Files.writeString(root.resolve("a.txt"), "0123456789");
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(Instant.parse("2026-01-02T03:04:05.500Z")));
        client = TestClient.of(new FileApplication(root,
            FileOptions.defaults().withCacheRules(CacheRules.none().with("*", "max-age=60"))));
        etag = client.get("/a.txt").send().header("ETag");
    }

    @Test
    void matchingIfNoneMatchGives304WithValidatorsAndNoBody() {
        TestResponse r = client.get("/a.txt").header("If-None-Match", "\"other\", " + etag).send();
        assertEquals("304 Not Modified", r.statusLine());
        assertEquals(etag, r.header("ETag"));
        assertEquals(MODIFIED, r.header("Last-Modified"));
        assertEquals("max-age=60", r.header("Cache-Control"));
        assertNull(r.header("Content-Length"));
        assertEquals(0, r.body().length);
    }

    @Test
    void ifNoneMatchUsesWeakComparisonAndStar() {
        assertEquals(304, client.get("/a.txt").header("If-None-Match", "W/" + etag).send().status());
        assertEquals(304, client.get("/a.txt").header("If-None-Match", "*").send().status());
        assertEquals(304, client.head("/a.txt").header("If-None-Match", etag).send().status());
        assertEquals(200, client.get("/a.txt").header("If-None-Match", "\"stale\"").send().status());
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertEquals(304, client.get("/a.txt").header("If-Modified-Since", MODIFIED).send().status());
        assertEquals(304, client.get("/a.txt").header("If-Modified-Since", "Sat, 03 Jan 2026 00:00:00 GMT").send().status());
        assertEquals(200, client.get("/a.txt").header("If-Modified-Since", "Fri, 02 Jan 2026 03:04:04 GMT").send().status());
        assertEquals(200, client.get("/a.txt").header("If-Modified-Since", "yesterday").send().status(),
            "an invalid date is ignored");
    }

    @Test
    void obsoleteDateFormatsAreAccepted() {
        assertEquals(304, client.get("/a.txt").header("If-Modified-Since", "Friday, 02-Jan-26 03:04:05 GMT").send().status());
        assertEquals(304, client.get("/a.txt").header("If-Modified-Since", "Fri Jan  2 03:04:05 2026").send().status());
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        // RFC 9110, 13.2.2: with If-None-Match present, If-Modified-Since is not evaluated.
        TestResponse r = client.get("/a.txt").header("If-None-Match", "\"stale\"")
            .header("If-Modified-Since", MODIFIED).send();
        assertEquals(200, r.status());
    }

    @Test
    void failedIfMatchAndIfUnmodifiedSinceGive412() {
        assertEquals(412, client.get("/a.txt").header("If-Match", "\"stale\"").send().status());
        assertEquals(412, client.get("/a.txt").header("If-Match", "W/" + etag).send().status(), "strong comparison");
        assertEquals(200, client.get("/a.txt").header("If-Match", etag).send().status());
        assertEquals(412, client.get("/a.txt").header("If-Unmodified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").send().status());
        assertEquals(200, client.get("/a.txt").header("If-Unmodified-Since", MODIFIED).send().status());
    }

    @Test
    void ifRangeWithCurrentValidatorHonoursRangeOtherwiseSendsAll() {
        assertEquals(206, client.get("/a.txt").header("Range", "bytes=0-1").header("If-Range", etag).send().status());
        assertEquals(206, client.get("/a.txt").header("Range", "bytes=0-1").header("If-Range", MODIFIED).send().status());
        TestResponse stale = client.get("/a.txt").header("Range", "bytes=0-1").header("If-Range", "\"stale\"").send();
        assertEquals(200, stale.status());
        assertEquals("0123456789", stale.text());
        assertEquals(200, client.get("/a.txt").header("Range", "bytes=0-1").header("If-Range", "W/" + etag).send().status());
    }
}
