package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeRequestTest {

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        Files.writeString(root.resolve("digits.txt"), "0123456789");
        client = TestClient.of(new FileApplication(root));
    }

    @Test
    void oneRangeGives206WithContentRange() {
        TestResponse r = client.get("/digits.txt").header("Range", "bytes=2-4").send();
        assertEquals("206 Partial Content", r.statusLine());
        assertEquals("bytes 2-4/10", r.header("Content-Range"));
        assertEquals("3", r.header("Content-Length"));
        assertEquals("234", r.text());
    }

    @Test
    void suffixAndOpenRangesAreClipped() {
        assertEquals("789", client.get("/digits.txt").header("Range", "bytes=-3").send().text());
        assertEquals("89", client.get("/digits.txt").header("Range", "bytes=8-").send().text());
        TestResponse clipped = client.get("/digits.txt").header("Range", "bytes=7-1000").send();
        assertEquals("bytes 7-9/10", clipped.header("Content-Range"));
        assertEquals("0123456789", client.get("/digits.txt").header("Range", "bytes=-50").send().text());
    }

    @Test
    void severalRangesGiveMultipartByteranges() {
        TestResponse r = client.get("/digits.txt").header("Range", "bytes=0-1, 5-6").send();
        assertEquals(206, r.status());
        String type = r.header("Content-Type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        String expected = "\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 0-1/10\r\n\r\n01"
            + "\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 5-6/10\r\n\r\n56"
            + "\r\n--" + boundary + "--\r\n";
        assertEquals(expected, new String(r.body(), StandardCharsets.ISO_8859_1));
        assertEquals(String.valueOf(expected.length()), r.header("Content-Length"));
    }

    @Test
    void overlappingRangesAreMergedIntoOne() {
        TestResponse r = client.get("/digits.txt").header("Range", "bytes=0-3,2-5").send();
        assertEquals("bytes 0-5/10", r.header("Content-Range"));
        assertEquals("012345", r.text());
    }

    @Test
    void unsatisfiableRangeGives416WithLength() {
        TestResponse r = client.get("/digits.txt").header("Range", "bytes=10-20").send();
        assertEquals("416 Range Not Satisfiable", r.statusLine());
        assertEquals("bytes */10", r.header("Content-Range"));
    }

    @Test
    void invalidOrForeignRangesAreIgnored() {
        for (String range : new String[] {"bytes=5-2", "bytes=x-1", "items=0-1", "bytes=", "0-1"}) {
            TestResponse r = client.get("/digits.txt").header("Range", range).send();
            assertEquals(200, r.status(), range);
            assertEquals("0123456789", r.text(), range);
        }
    }

    @Test
    void headIgnoresRange() {
        assertEquals(200, client.head("/digits.txt").header("Range", "bytes=0-1").send().status());
    }

    @Test
    void filesOverTwoGibibytesUseLongOffsets() throws Exception {
        Path big = root.resolve("big.bin");
        long size = 3L * 1024 * 1024 * 1024 + 5; // sparse: no 3 GiB ever written
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(size);
            file.seek(size - 5);
            file.write("tail!".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(String.valueOf(size), client.head("/big.bin").send().header("Content-Length"));
        TestResponse r = client.get("/big.bin").header("Range", "bytes=-5").send();
        assertEquals("bytes " + (size - 5) + "-" + (size - 1) + "/" + size, r.header("Content-Range"));
        assertArrayEquals("tail!".getBytes(StandardCharsets.US_ASCII), r.body());
        TestResponse past = client.get("/big.bin").header("Range", "bytes=3221225470-3221225474").send();
        assertArrayEquals(new byte[] {0, 0, 't', 'a', 'i'}, past.body());
    }
}
