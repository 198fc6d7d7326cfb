package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small files served from memory stay correct when the files change, and the cache stays bounded. */
class FileCacheTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
    private static final FileTime LATER = FileTime.from(Instant.parse("2026-01-02T03:04:06Z"));

    @TempDir
    Path root;

    private TestClient client;
    private final List<long[]> wrapped = new ArrayList<>();

    @BeforeEach
    void site() {
        client = TestClient.of(new FileApplication(root));
    }

    private TestResponse get(String path) {
        io.gatehouse.spec.FileWrapper recording = (channel, position, count) -> {
            wrapped.add(new long[] {position, count});
            return new io.gatehouse.spec.FileBody(channel, position, count);
        };
        return client.get(path).environ("gateway.file_wrapper", recording).send();
    }

    private Path write(String name, String text, FileTime modified) throws Exception {
        Path file = root.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, modified);
        return file;
    }

    @Test
    void settledSmallFileComesFromMemoryAfterTheFirstRequest() throws Exception {
        write("a.txt", "first", LONG_AGO);
        assertEquals("first", get("/a.txt").text());
        assertEquals("first", get("/a.txt").text());
        assertEquals(0, wrapped.size(), "no file body: the bytes were in memory");
    }

    @Test
    void sameSizeRewriteWithANewTimeIsServedFresh() throws Exception {
        Path file = write("a.txt", "first", LONG_AGO);
        String etag = get("/a.txt").header("ETag");
        Files.writeString(file, "other");
        Files.setLastModifiedTime(file, LATER);
        TestResponse r = get("/a.txt");
        assertEquals("other", r.text());
        assertTrue(!etag.equals(r.header("ETag")), "the validators follow the file");
        assertEquals("Fri, 02 Jan 2026 03:04:06 GMT", r.header("Last-Modified"));
    }

    @Test
    void fileReplacedByRenameWithTheSameSizeAndTimeIsServedFresh() throws Exception {
        write("a.txt", "first", LONG_AGO);
        assertEquals("first", get("/a.txt").text());
        Path replacement = write("new.tmp", "other", LONG_AGO);
        Files.move(replacement, root.resolve("a.txt"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        assertEquals("other", get("/a.txt").text(), "another inode");
    }

    @Test
    void recentlyChangedFileIsReadFromDiskEachTime() throws Exception {
        // Modified just now: a same-size rewrite could keep the same coarse time stamp, so its bytes
        // are not kept; here the time is even restored on purpose, and the new bytes still show.
        Path file = root.resolve("a.txt");
        Files.writeString(file, "first");
        FileTime now = Files.getLastModifiedTime(file);
        assertEquals("first", get("/a.txt").text());
        Files.writeString(file, "other");
        Files.setLastModifiedTime(file, now);
        assertEquals("other", get("/a.txt").text());
        assertEquals(2, wrapped.size(), "both answers went through the file wrapper");
    }

    @Test
    void recentFileGetsItsBytesKeptOnceSettled() throws Exception {
        Path file = write("a.txt", "first", LONG_AGO);
        long[] now = {LONG_AGO.toMillis() + 1};
        FileCache cache = new FileCache(() -> now[0]);
        assertNull(cache.entry(file, attributes(file), null).content(), "just written");
        now[0] = LONG_AGO.toMillis() + FileCache.SETTLE_MILLIS;
        assertArrayEquals("first".getBytes(StandardCharsets.US_ASCII), cache.entry(file, attributes(file), null).content());
        assertEquals(5, cache.contentBytes());
    }

    @Test
    void siblingAskedForByNameKeepsItsOwnTagApartFromTheVariant() throws Exception {
        write("a.txt", "plain text", LONG_AGO);
        write("a.txt.gz", "pretend-gz", LONG_AGO);
        String byName = get("/a.txt.gz").header("ETag");
        String variant = client.get("/a.txt").header("Accept-Encoding", "gzip").send().header("ETag");
        assertEquals("\"a-" + Long.toHexString(LONG_AGO.toMillis()) + "\"", byName);
        assertEquals("\"a-" + Long.toHexString(LONG_AGO.toMillis()) + "-gzip\"", variant);
        assertEquals(byName, get("/a.txt.gz").header("ETag"));
    }

    @Test
    void largeFileIsNotKeptInMemory() throws Exception {
        Path file = root.resolve("big.bin");
        Files.write(file, new byte[FileCache.MAX_CONTENT + 1]);
        Files.setLastModifiedTime(file, LONG_AGO);
        FileCache cache = new FileCache();
        FileCache.Entry entry = cache.entry(file, attributes(file), null);
        assertNull(entry.content());
        assertEquals("\"10001-" + Long.toHexString(LONG_AGO.toMillis()) + "\"", entry.etag());
        assertEquals(0, cache.contentBytes());
    }

    @Test
    void unchangedFileReusesItsEntry() throws Exception {
        Path file = write("a.txt", "first", LONG_AGO);
        FileCache cache = new FileCache();
        FileCache.Entry entry = cache.entry(file, attributes(file), "gzip");
        assertNotNull(entry.content());
        assertEquals("\"5-" + Long.toHexString(LONG_AGO.toMillis()) + "-gzip\"", entry.etag());
        assertSame(entry, cache.entry(file, attributes(file), "gzip"));
    }

    @Test
    void entriesAreBounded() throws Exception {
        FileCache cache = new FileCache();
        for (int i = 0; i < FileCache.MAX_ENTRIES + 10; i++) {
            Path file = write(i + ".txt", "x", LONG_AGO);
            cache.entry(file, attributes(file), null);
        }
        assertTrue(cache.size() <= FileCache.MAX_ENTRIES, cache.size() + " entries");
        assertEquals(cache.size(), cache.contentBytes(), "one byte of content per entry kept");
    }

    @Test
    void contentBytesAreBounded() throws Exception {
        FileCache cache = new FileCache();
        byte[] block = new byte[FileCache.MAX_CONTENT];
        int files = (int) (FileCache.MAX_BYTES / block.length) + 3;
        for (int i = 0; i < files; i++) {
            Path file = root.resolve(i + ".bin");
            Files.write(file, block);
            Files.setLastModifiedTime(file, LONG_AGO);
            cache.entry(file, attributes(file), null);
        }
        assertTrue(cache.contentBytes() <= FileCache.MAX_BYTES, cache.contentBytes() + " bytes");
        assertTrue(cache.size() < files);
    }

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }
}
