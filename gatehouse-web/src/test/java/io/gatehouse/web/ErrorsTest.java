package io.gatehouse.web;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorsTest {

    @Test
    void abortSendsAnHtmlPageByDefault() {
        TestClient client = TestClient.of(new App("t").get("/n/{id:int}", request -> {
            HttpError.abort(404, "no note <" + request.param("id") + ">");
            return null;
        }).application());
        TestResponse r = client.get("/n/3").send();
        assertEquals("404 Not Found", r.statusLine());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>no note &lt;3&gt;</p>\n", r.text());
    }

    @Test
    void jsonWhenAcceptPrefersIt() {
        TestClient client = TestClient.of(new App("t").get("/x", request -> new HttpError(409, "taken")).application());
        TestResponse r = client.get("/x").header("Accept", "application/json").send();
        assertEquals(409, r.status());
        assertEquals("{\"status\":409,\"error\":\"Conflict\",\"description\":\"taken\"}", r.text());
        assertEquals("text/html; charset=utf-8",
            client.get("/x").header("Accept", "text/html,application/json;q=0.9").send().header("Content-Type"));
        assertEquals("application/json",
            client.get("/x").header("Accept", "text/html;q=0.5, application/*").send().header("Content-Type"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() {
        TestClient client = TestClient.of(new App("t").get("/x", request -> "x").put("/x", request -> "y").application());
        assertEquals(404, client.get("/nope").send().status());
        TestResponse r = client.delete("/x").send();
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS, PUT", r.header("Allow"));
        TestResponse options = client.request("OPTIONS", "/x").send();
        assertEquals(204, options.status());
        assertEquals("GET, HEAD, OPTIONS, PUT", options.header("Allow"));
        TestResponse head = client.head("/x").send();
        assertEquals(200, head.status());
        assertEquals("1", head.header("Content-Length"));
    }

    @Test
    void trailingSlashRedirectIs308AndKeepsMountAndQuery() {
        TestClient client = TestClient.of(new App("t").get("/notes/", request -> "list").application());
        TestResponse r = client.post("/app/notes?page=2").scriptName("/app").send();
        assertEquals("308 Permanent Redirect", r.statusLine());
        assertEquals("/app/notes/?page=2", r.header("Location"));
    }

    @Test
    void statusAndExceptionHandlersReplaceThePage() {
        App app = new App("t")
            .get("/missing", request -> { throw new NoSuchElementException("gone"); })
            .get("/state", request -> { throw new IllegalStateException("odd"); })
            .get("/abort", request -> new HttpError(404))
            .errorHandler(404, (request, error) -> Response.text("custom 404").status(404))
            .exceptionHandler(RuntimeException.class, (request, e) -> Response.text("runtime: " + e.getMessage()).status(500))
            .exceptionHandler(NoSuchElementException.class, (request, e) -> new HttpError(404));
        TestClient client = TestClient.of(app.application());
        assertEquals("custom 404", client.get("/abort").send().text());
        assertEquals("custom 404", client.get("/nowhere").send().text());
        assertEquals("custom 404", client.get("/missing").send().text(), "an exception handler's HttpError gets the status page");
        assertEquals("runtime: odd", client.get("/state").send().text());
    }

    @Test
    void unhandledExceptionsAre500WithoutATraceAndAreLogged() {
        TestClient client = TestClient.of(new App("t").get("/boom", request -> { throw new IllegalStateException("secret detail"); })
            .application());
        TestResponse r = client.get("/boom").send();
        assertEquals(500, r.status());
        assertFalse(r.text().contains("secret detail"));
        assertFalse(r.text().contains("at io.gatehouse"));
        assertTrue(r.errors().contains("java.lang.IllegalStateException: secret detail"));
    }

    @Test
    void debugModeShowsTheTrace() {
        TestClient client = TestClient.of(new App("t").debug(true)
            .get("/boom", request -> { throw new IllegalStateException("detail"); }).application());
        String page = client.get("/boom").send().text();
        assertTrue(page.contains("<pre>java.lang.IllegalStateException: detail"), page);
    }

    @Test
    void aFailingErrorHandlerStillGivesA500() {
        TestClient client = TestClient.of(new App("t").get("/x", request -> new HttpError(400))
            .errorHandler(400, (request, error) -> { throw new IllegalStateException("handler bug"); }).application());
        TestResponse r = client.get("/x").send();
        assertEquals(500, r.status());
        assertTrue(r.errors().contains("handler bug"));
    }

    @Test
    void httpErrorIsItselfAnApplication() {
        TestResponse r = TestClient.of(new HttpError(503, "maintenance")).get("/anything").header("Accept", "application/json").send();
        assertEquals("503 Service Unavailable", r.statusLine());
        assertEquals("{\"status\":503,\"error\":\"Service Unavailable\",\"description\":\"maintenance\"}", r.text());
    }
}
