package io.gatehouse.web;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartTest {

    private static final String BOUNDARY = "----gatehouse7MA4YWxk";

    @TempDir
    Path temp;

    private static byte[] body(byte[] bigFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
            + "Shopping list\r\n"
            + "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"small\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + "line one\r\nline two\r\n"
            + "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bigFile);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bigFile() {
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 13 == 0 ? '\r' : i % 7 == 0 ? '-' : 'a' + i % 26); // near-delimiter bytes
        }
        return big;
    }

    @Test
    void fieldsSmallFilesInMemoryAndLargeFilesOnDiskDeletedAfterTheResponse() {
        byte[] big = bigFile();
        List<Path> seen = new ArrayList<>();
        App app = new App("t").limits(Limits.DEFAULT.withMemoryUploadBytes(1024).withTempDirectory(temp))
            .post("/upload", request -> {
                Upload small = request.file("small");
                Upload large = request.file("big");
                seen.add(large.temporaryFile());
                assertTrue(Files.exists(large.temporaryFile()));
                assertArrayEquals(big, large.bytes());
                return request.form("title") + "|" + small.filename() + "|" + small.contentType() + "|"
                    + new String(small.bytes(), StandardCharsets.UTF_8) + "|" + small.onDisk() + "|"
                    + large.onDisk() + "|" + large.size() + "|" + large.contentType();
            });
        TestResponse r = TestClient.of(app.application()).post("/upload")
            .contentType("multipart/form-data; boundary=" + BOUNDARY).body(body(big)).send();
        assertEquals("Shopping list|a.txt|text/plain|line one\r\nline two|false|true|100000|application/octet-stream", r.text());
        assertFalse(Files.exists(seen.getFirst()), "the upload file is deleted after the response");
    }

    @Test
    void worksWhenTheBodyArrivesInTinyReads() throws Exception {
        byte[] big = Arrays.copyOf(bigFile(), 5000);
        MultipartReader.Result result = MultipartReader.read(new java.io.FilterInputStream(
            new java.io.ByteArrayInputStream(body(big))) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        }, MediaType.parse("multipart/form-data; boundary=\"" + BOUNDARY + "\""), Limits.DEFAULT);
        assertEquals("Shopping list", result.fields().get("title"));
        assertArrayEquals(big, result.files().get("big").getFirst().bytes());
    }

    @Test
    void malformedBodiesAre400AndTooLargeOnesAre413() {
        App app = new App("t").limits(Limits.DEFAULT.withMaxUploadBytes(50_000).withTempDirectory(temp))
            .route("/upload", Set.of("POST"), request -> request.form().names());
        TestClient client = TestClient.of(app.application());
        assertEquals(400, client.post("/upload").contentType("multipart/form-data; boundary=" + BOUNDARY)
            .body("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end").send().status());
        assertEquals(400, client.post("/upload").contentType("multipart/form-data").body("x").send().status());
        assertEquals(413, client.post("/upload").contentType("multipart/form-data; boundary=" + BOUNDARY)
            .body(body(bigFile())).send().status());
        try (var files = Files.list(temp)) {
            assertEquals(0, files.count(), "no upload file is left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFormCanBeParsedAfterTheRawBytesWereRead() {
        App app = new App("t").post("/upload", request -> request.bytes().length + " " + request.form("title"));
        TestResponse r = TestClient.of(app.application()).post("/upload")
            .contentType("multipart/form-data; boundary=" + BOUNDARY).body(body(new byte[] {1, 2, 3})).send();
        assertTrue(r.text().endsWith(" Shopping list"), r.text());
    }
}
