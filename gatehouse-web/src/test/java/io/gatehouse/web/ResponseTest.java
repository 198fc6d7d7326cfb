package io.gatehouse.web;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.FileBody;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseTest {

    @TempDir
    Path temp;

    private static TestResponse get(Handler view) {
        return TestClient.of(new App("t").get("/r", view).application()).get("/r").send();
    }

    @Test
    void textResponsesGetACharsetAndALength() {
        TestResponse r = get(request -> new Response("héllo\n").contentType("text/plain"));
        assertEquals("200 OK", r.statusLine());
        assertEquals(List.of(Header.of("Content-Type", "text/plain; charset=utf-8"), Header.of("Content-Length", "7")),
            r.headers());
        assertEquals("héllo\n", r.text());
    }

    @Test
    void stringResultsAreHtmlAndValuesAreJson() {
        assertEquals("text/html; charset=utf-8", get(request -> "<p>hi</p>").header("Content-Type"));
        TestResponse json = get(request -> Map.of("id", 7));
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals("{\"id\":7}", json.text());
        TestResponse none = get(request -> null);
        assertEquals(204, none.status());
        assertEquals(null, none.header("Content-Length"));
    }

    @Test
    void cookiesCarryEveryAttribute() {
        Cookie cookie = Cookie.of("theme", "dark").path("/app").domain("example.com").maxAge(Duration.ofHours(1))
            .expires(Instant.parse("2030-01-02T03:04:05Z")).secure(true).httpOnly(true).sameSite(Cookie.SameSite.STRICT);
        TestResponse r = get(request -> Response.text("ok").cookie(cookie).deleteCookie("old", "/"));
        assertEquals(List.of(
            "theme=dark; Max-Age=3600; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Domain=example.com; Path=/app; Secure; HttpOnly; SameSite=Strict",
            "old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"), r.headers("Set-Cookie"));
    }

    @Test
    void badCookiesFailWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x;y"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x").path("/\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x").sameSite(Cookie.SameSite.NONE));
        assertEquals("a=\"x\"; Path=/; Secure; SameSite=None",
            Cookie.of("a", "\"x\"").secure(true).sameSite(Cookie.SameSite.NONE).toHeaderValue());
    }

    @Test
    void redirectsDefaultTo303() {
        TestResponse r = get(request -> Response.redirect("/elsewhere"));
        assertEquals("303 See Other", r.statusLine());
        assertEquals("/elsewhere", r.header("Location"));
        assertEquals(301, get(request -> Response.redirect("/x", 301)).status());
        assertThrows(IllegalArgumentException.class, () -> Response.redirect("/x", 200));
    }

    @Test
    void streamedBodiesHaveNoLengthAndAreClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        List<byte[]> chunks = new ArrayList<>();
        chunks.add("one,".getBytes(StandardCharsets.UTF_8));
        chunks.add("two".getBytes(StandardCharsets.UTF_8));
        TestResponse r = get(request -> Response.stream(chunks, "text/csv", () -> closed.set(true)));
        assertEquals("one,two", r.text());
        assertEquals(null, r.header("Content-Length"));
        assertTrue(closed.get());
    }

    @Test
    void filesGoThroughTheServersFileWrapper() throws Exception {
        Path file = Files.writeString(temp.resolve("a.txt"), "file content\n");
        List<Body> wrapped = new ArrayList<>();
        TestResponse r = TestClient.of(new App("t").get("/f", request -> Response.file(file, "text/plain")).application())
            .get("/f").environ("gateway.file_wrapper", (io.gatehouse.spec.FileWrapper) (channel, position, count) -> {
                Body body = new FileBody(channel, position, count);
                wrapped.add(body);
                return body;
            }).send();
        assertEquals("file content\n", r.text());
        assertEquals("13", r.header("Content-Length"));
        assertInstanceOf(FileBody.class, wrapped.getFirst());
        TestResponse missing = TestClient.of(new App("t").get("/f", request -> Response.file(temp.resolve("none"), "text/plain"))
            .application()).get("/f").send();
        assertEquals(404, missing.status());
    }

    @Test
    void headersCanBeAddedAndReplaced() {
        TestResponse r = get(request -> Response.text("x").header("X-A", "1").header("X-A", "2").setHeader("X-B", "3")
            .setHeader("X-B", "4").status(201));
        assertEquals(201, r.status());
        assertEquals(List.of("1", "2"), r.headers("X-A"));
        assertEquals(List.of("4"), r.headers("X-B"));
    }
}
