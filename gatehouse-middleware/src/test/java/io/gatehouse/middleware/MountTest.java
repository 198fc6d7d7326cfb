package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MountTest {

    /** Answers "name SCRIPT_NAME|PATH_INFO", so a test sees who answered and with what split. */
    private static Application named(String name) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
            return Body.of(name + " " + environ.scriptName() + "|" + environ.pathInfo());
        };
    }

    private final TestClient client = TestClient.of(Mount.of()
        .at("/api", named("api"))
        .at("/api/v2", named("v2"))
        .at("/static", named("static"))
        .fallback(named("site")));

    private String get(String target) {
        return client.get(target).send().text();
    }

    @Test
    void movesThePrefixFromPathInfoToScriptName() {
        assertEquals("api /api|/users/7", get("/api/users/7"));
        assertEquals("static /static|/css/a.css", get("/static/css/a.css"));
    }

    @Test
    void longestPrefixWins() {
        assertEquals("v2 /api/v2|/items", get("/api/v2/items"));
        assertEquals("api /api|/v3/items", get("/api/v3/items"));
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertEquals("site |/apix", get("/apix"));
        assertEquals("site |/api2/x", get("/api2/x"));
        assertEquals("api /api|", get("/api"));
        assertEquals("api /api|/", get("/api/"));
        assertEquals("site |/API/x", get("/API/x"));
    }

    @Test
    void fallbackSeesTheEnvironUnchanged() {
        assertEquals("site |/", get("/"));
        assertEquals("site |/about", get("/about"));
    }

    @Test
    void appendsToAnExistingScriptName() {
        assertEquals("api /site/api|/x", client.get("/site/api/x").scriptName("/site").send().text());
    }

    @Test
    void mountsNest() {
        Application outer = Mount.of().at("/a", Mount.of().at("/b", named("inner")));
        assertEquals("inner /a/b|/c", TestClient.of(outer).get("/a/b/c").send().text());
    }

    @Test
    void answers404WhenNothingMatchesAndThereIsNoFallback() {
        TestResponse r = TestClient.of(Mount.of().at("/api", named("api"))).get("/other").send();
        assertEquals("404 Not Found", r.statusLine());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("404 Not Found\n", r.text());
        assertEquals("14", r.header("Content-Length"));
    }

    @Test
    void refusesMalformedPrefixes() {
        Application app = named("x");
        assertThrows(IllegalArgumentException.class, () -> Mount.of().at("api", app));
        assertThrows(IllegalArgumentException.class, () -> Mount.of().at("/api/", app));
        assertThrows(IllegalArgumentException.class, () -> Mount.of().at("/", app));
        assertThrows(IllegalArgumentException.class, () -> Mount.of().at("/a", app).at("/a", app));
        assertThrows(NullPointerException.class, () -> Mount.of().at("/a", null));
    }

    @Test
    void isImmutable() {
        Mount base = Mount.of();
        base.at("/a", named("a"));
        assertEquals(404, TestClient.of(base).get("/a").send().status());
    }
}
