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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileApplicationTest {

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "Hello, files!\n");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(Instant.parse("2026-01-02T03:04:05.678Z")));
        Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>Docs</h1>");
        Files.createDirectories(root.resolve("empty dir"));
        Files.writeString(root.resolve(".env"), "SECRET=1");
        client = TestClient.of(new FileApplication(root));
    }

    @Test
    void servesAFileWithTypeLengthAndValidators() {
        TestResponse r = client.get("/hello.txt").send();
        assertEquals("200 OK", r.statusLine());
        assertEquals("Hello, files!\n", r.text());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("14", r.header("Content-Length"));
        assertEquals("Fri, 02 Jan 2026 03:04:05 GMT", r.header("Last-Modified"));
        assertEquals("\"e-" + Long.toHexString(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli()) + "\"",
            r.header("ETag"));
        assertEquals("bytes", r.header("Accept-Ranges"));
    }

    @Test
    void binaryTypesHaveNoCharset() {
        TestResponse r = client.get("/logo.png").send();
        assertEquals("image/png", r.header("Content-Type"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, r.body());
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() {
        TestResponse r = client.head("/hello.txt").send();
        assertEquals(200, r.status());
        assertEquals("14", r.header("Content-Length"));
        assertEquals(0, r.body().length);
    }

    @Test
    void otherMethodsGet405WithAllow() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            TestResponse r = client.request(method, "/hello.txt").send();
            assertEquals("405 Method Not Allowed", r.statusLine(), method);
            assertEquals("GET, HEAD", r.header("Allow"), method);
        }
    }

    @Test
    void missingFilesAre404() {
        assertEquals(404, client.get("/nope.txt").send().status());
        assertEquals(404, client.get("/hello.txt/more").send().status());
    }

    @Test
    void directoryWithoutSlashRedirectsKeepingMountAndQuery() {
        TestResponse r = client.get("/app/empty%20dir?x=1").scriptName("/app").send();
        assertEquals("301 Moved Permanently", r.statusLine());
        assertEquals("/app/empty%20dir/?x=1", r.header("Location"));
    }

    @Test
    void directoryServesItsIndexFile() {
        TestResponse r = client.get("/docs/").send();
        assertEquals("<h1>Docs</h1>", r.text());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
    }

    @Test
    void directoryWithoutIndexIsListed() {
        TestResponse r = client.get("/").send();
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertTrue(r.text().contains(">hello.txt</a>"), r.text());
    }

    @Test
    void listingsOffGive404() {
        TestClient strict = TestClient.of(new FileApplication(root, FileOptions.defaults().withListings(false)));
        assertEquals(404, strict.get("/").send().status());
        assertEquals(404, strict.get("/empty%20dir/").send().status());
        assertEquals(200, strict.get("/docs/").send().status(), "index files are still served");
    }

    @Test
    void hiddenFilesAreOffByDefaultAndCanBeTurnedOn() {
        assertEquals(404, client.get("/.env").send().status());
        assertTrue(!client.get("/").send().text().contains(".env"));
        TestClient open = TestClient.of(new FileApplication(root, FileOptions.defaults().withHiddenFiles(true)));
        assertEquals("SECRET=1", open.get("/.env").send().text());
    }

    @Test
    void cacheControlFollowsTheFirstMatchingPattern() {
        TestClient cached = TestClient.of(new FileApplication(root, FileOptions.defaults().withCacheRules(
            CacheRules.none().with("**.html", "no-cache").with("*.{png,txt}", "public, max-age=600"))));
        assertEquals("public, max-age=600", cached.get("/hello.txt").send().header("Cache-Control"));
        assertEquals("no-cache", cached.get("/docs/index.html").send().header("Cache-Control"));
        assertNull(client.get("/hello.txt").send().header("Cache-Control"));
    }

    @Test
    void bodyGoesThroughTheServersFileWrapper() throws Exception {
        // Larger than what FileCache keeps in memory (a small settled file comes from there).
        byte[] big = new byte[FileCache.MAX_CONTENT + 1];
        big[big.length - 1] = 'z';
        Files.write(root.resolve("big.bin"), big);
        List<long[]> wrapped = new java.util.ArrayList<>();
        io.gatehouse.spec.FileWrapper recording = (channel, position, count) -> {
            wrapped.add(new long[] {position, count});
            return new io.gatehouse.spec.FileBody(channel, position, count);
        };
        TestResponse r = client.get("/big.bin").environ("gateway.file_wrapper", recording).send();
        assertArrayEquals(big, r.body());
        assertEquals(1, wrapped.size());
        assertArrayEquals(new long[] {0, big.length}, wrapped.getFirst());
    }

    @Test
    void badOptionsAreRefusedWithOneLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new FileApplication(root.resolve("missing")));
        assertTrue(e.getMessage().endsWith("missing is not a directory"), e.getMessage());
        assertThrowsMessage("index file '../x' must be a plain, non-hidden file name",
            () -> FileOptions.defaults().withIndexFiles(List.of("../x")));
    }

    private static void assertThrowsMessage(String message, org.junit.jupiter.api.function.Executable code) {
        assertEquals(message, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, code)
            .getMessage());
    }
}
