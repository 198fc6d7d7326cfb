package io.gatehouse.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestTest {

    record NewNote(String title, List<String> tags) {
    }

    private static TestClient client(Handler view) {
        return TestClient.of(new App("t").route("/r", Set.of(), view).application());
    }

    private static TestClient client(Limits limits, Handler view) {
        return TestClient.of(new App("t").limits(limits).route("/r", Set.of(), view).application());
    }

    @Test
    void queryIsMultiValuedAndDecoded() {
        TestResponse r = client(request -> request.queryParams().all("tag") + " " + request.query("q") + " "
            + request.query("missing") + " " + request.queryParams().get("e") + "|")
            .get("/r?tag=a&tag=b%20c&q=gate+house&e&&").send();
        assertEquals("[a, b c] gate house null |", r.text());
    }

    @Test
    void headersAreCaseInsensitiveAndListed() {
        TestResponse r = client(request -> request.header("x-trace") + " " + request.header("X-TRACE") + " "
            + request.headers().get("X-Trace") + " " + request.headers().get("Content-Type"))
            .post("/r").header("X-Trace", "abc").contentType("text/plain").body("x").send();
        assertEquals("abc abc abc text/plain", r.text());
    }

    @Test
    void cookiesAreParsedFirstOneWinsQuotesRemoved() {
        TestResponse r = client(request -> request.cookies().toString())
            .get("/r").header("Cookie", "a=1; b=\"two\"; a=3; junk").send();
        assertEquals("{a=1, b=two}", r.text());
    }

    @Test
    void bodyAsBytesTextAndStream() {
        TestResponse r = client(request -> request.text() + "|" + request.bytes().length + "|"
            + new String(request.stream().readAllBytes(), "ISO-8859-1"))
            .post("/r").contentType("text/plain; charset=ISO-8859-1").body(new byte[] {'c', 'a', 'f', (byte) 0xe9}).send();
        assertEquals("café|4|café", r.text());
    }

    @Test
    void bodyOverTheLimitIs413AndNotRead() {
        TestResponse r = client(Limits.DEFAULT.withMaxBodyBytes(4), request -> request.bytes().length)
            .post("/r").body("12345").send();
        assertEquals(413, r.status());
        TestResponse chunked = client(Limits.DEFAULT.withMaxBodyBytes(4), request -> request.bytes().length)
            .post("/r").body("12345").chunked().send();
        assertEquals(413, chunked.status());
        TestResponse fits = client(Limits.DEFAULT.withMaxBodyBytes(4), request -> request.bytes().length)
            .post("/r").body("1234").chunked().send();
        assertEquals("4", fits.text());
    }

    @Test
    void urlencodedFormIsParsed() {
        TestResponse r = client(request -> request.form().asMap().toString() + " " + request.form("name"))
            .post("/r").contentType("application/x-www-form-urlencoded").body("name=Ada+L%C3%B8velace&x=1&x=2").send();
        assertEquals("{name=[Ada Løvelace], x=[1, 2]} Ada Løvelace", r.text());
    }

    @Test
    void otherTypesHaveAnEmptyForm() {
        TestResponse r = client(request -> request.form().isEmpty() + " " + request.files())
            .post("/r").contentType("text/plain").body("name=x").send();
        assertEquals("true {}", r.text());
    }

    @Test
    void jsonIsBoundWithJackson() {
        TestResponse r = client(request -> {
            NewNote note = request.json(NewNote.class);
            JsonNode tree = request.json();
            return note.title() + " " + note.tags() + " " + tree.get("tags").size();
        }).post("/r").contentType("application/json; charset=utf-8").body("{\"title\":\"T\",\"tags\":[\"a\",\"b\"]}").send();
        assertEquals("T [a, b] 2", r.text());
    }

    @Test
    void malformedJsonIs400AndWrongTypeIs415() {
        TestClient client = client(request -> request.json(NewNote.class));
        TestResponse bad = client.post("/r").contentType("application/json").header("Accept", "application/json")
            .body("{\"title\":").send();
        assertEquals(400, bad.status());
        assertEquals("application/json", bad.header("Content-Type"));
        TestResponse wrongType = client.post("/r").contentType("text/plain").body("{}").send();
        assertEquals(415, wrongType.status());
    }

    @Test
    void clientAddressSchemeHostAndUrlComeFromTheEnviron() {
        TestResponse r = client(request -> request.remoteAddr() + " " + request.scheme() + " " + request.host() + " "
            + request.url() + " " + request.path() + " " + request.pathInfo())
            .get("https://example.com:8443/app/r?x=1").scriptName("/app").environ("REMOTE_ADDR", "203.0.113.9").send();
        assertEquals("203.0.113.9 https example.com:8443 https://example.com:8443/app/r?x=1 /app/r /r", r.text());
    }

    @Test
    void standaloneRequestReadsAnEnviron() {
        io.gatehouse.spec.Environ environ = new io.gatehouse.spec.Environ(Map.of("REQUEST_METHOD", "GET",
            "QUERY_STRING", "a=1", "HTTP_ACCEPT", "text/html"));
        Request request = Request.of(environ);
        assertEquals("GET", request.method());
        assertEquals("1", request.query("a"));
        assertEquals("text/html", request.header("Accept"));
        assertEquals("/", request.path());
    }
}
