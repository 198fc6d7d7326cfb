package io.gatehouse.staticfiles;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedDataTest {

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        Files.writeString(root.resolve("app.css"), "css");
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
            return Body.of("app saw " + environ.scriptName() + "|" + environ.pathInfo());
        };
        client = TestClient.of(SharedData.wrap(app, "/static", root));
    }

    @Test
    void prefixIsServedFromDisk() {
        var r = client.get("/static/app.css").send();
        assertEquals("css", r.text());
        assertEquals("text/css; charset=utf-8", r.header("Content-Type"));
    }

    @Test
    void everythingElseGoesToTheApp() {
        assertEquals("app saw |/orders", client.get("/orders").send().text());
        assertEquals("app saw |/staticx/app.css", client.get("/staticx/app.css").send().text(), "segment boundary");
    }

    @Test
    void missingFilesUnderThePrefixFallThrough() {
        assertEquals("app saw |/static/missing.js", client.get("/static/missing.js").send().text());
        assertEquals("app saw |/static/../x", client.get("/static/../x").send().text());
    }

    @Test
    void otherResponsesFromTheFilesStand() {
        assertEquals(405, client.post("/static/app.css").send().status());
        assertEquals(304, client.get("/static/app.css").header("If-None-Match", "*").send().status());
    }

    @Test
    void badPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SharedData.wrap((e, s) -> Body.empty(), "static/", root));
    }
}
