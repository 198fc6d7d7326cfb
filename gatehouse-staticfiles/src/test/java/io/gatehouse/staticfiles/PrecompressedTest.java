package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PrecompressedTest {

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        String css = "body { color: red; }\n".repeat(20);
        Files.writeString(root.resolve("app.css"), css);
        var gz = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(css.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(root.resolve("app.css.gz"), gz.toByteArray());
        Files.writeString(root.resolve("app.css.br"), "pretend-brotli");
        Files.writeString(root.resolve("plain.txt"), "plain");
        client = TestClient.of(new FileApplication(root));
    }

    @Test
    void gzipSiblingIsServedWithEncodingAndVary() throws Exception {
        TestResponse r = client.get("/app.css").header("Accept-Encoding", "gzip").send();
        assertEquals("gzip", r.header("Content-Encoding"));
        assertEquals("Accept-Encoding", r.header("Vary"));
        assertEquals("text/css; charset=utf-8", r.header("Content-Type"));
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
            StandardCharsets.UTF_8);
        assertEquals("body { color: red; }\n".repeat(20), unzipped);
    }

    @Test
    void brotliWinsTiesAndQValuesDecide() {
        assertEquals("br", client.get("/app.css").header("Accept-Encoding", "gzip, deflate, br").send()
            .header("Content-Encoding"));
        assertEquals("gzip", client.get("/app.css").header("Accept-Encoding", "br;q=0.5, gzip;q=0.8").send()
            .header("Content-Encoding"));
        assertEquals("pretend-brotli", client.get("/app.css").header("Accept-Encoding", "*").send().text());
        assertEquals("gzip", client.get("/app.css").header("Accept-Encoding", "*;q=0.1, br;q=0").send()
            .header("Content-Encoding"));
    }

    @Test
    void identityWhenNothingAcceptableStillVaries() {
        for (String accept : new String[] {null, "deflate", "gzip;q=0, br;q=0", "gzip;q=2"}) {
            var request = client.get("/app.css");
            if (accept != null) {
                request.header("Accept-Encoding", accept);
            }
            TestResponse r = request.send();
            assertNull(r.header("Content-Encoding"), accept);
            assertEquals("Accept-Encoding", r.header("Vary"), accept);
            assertEquals("body { color: red; }\n".repeat(20), r.text(), accept);
        }
    }

    @Test
    void eachVariantHasItsOwnEtag() {
        String identity = client.get("/app.css").send().header("ETag");
        String gzip = client.get("/app.css").header("Accept-Encoding", "gzip").send().header("ETag");
        assertNotEquals(identity, gzip);
        assertEquals(304, client.get("/app.css").header("Accept-Encoding", "gzip").header("If-None-Match", gzip)
            .send().status());
        assertEquals(200, client.get("/app.css").header("If-None-Match", gzip).send().status());
    }

    @Test
    void siblingLinksOutOfTheRootAreIgnored(@org.junit.jupiter.api.io.TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("secret.gz"), "SECRET");
        Files.createSymbolicLink(root.resolve("plain.txt.gz"), elsewhere.resolve("secret.gz"));
        TestResponse r = client.get("/plain.txt").header("Accept-Encoding", "gzip").send();
        assertEquals("plain", r.text());
        assertNull(r.header("Content-Encoding"));
    }

    @Test
    void filesWithoutSiblingsDoNotVary() {
        assertNull(client.get("/plain.txt").header("Accept-Encoding", "gzip").send().header("Vary"));
    }

    @Test
    void precompressedCanBeTurnedOff() {
        TestClient off = TestClient.of(new FileApplication(root, FileOptions.defaults().withPrecompressed(false)));
        assertNull(off.get("/app.css").header("Accept-Encoding", "gzip").send().header("Content-Encoding"));
    }
}
