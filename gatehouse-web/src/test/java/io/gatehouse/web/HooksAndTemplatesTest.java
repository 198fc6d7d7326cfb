package io.gatehouse.web;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HooksAndTemplatesTest {

    @Test
    void beforeHooksCanAnswerAfterHooksChangeTeardownAlwaysRuns() {
        List<String> log = new ArrayList<>();
        App app = new App("t")
            .before(request -> request.header("X-Key") == null ? new HttpError(401) : null)
            .before(request -> {
                request.attributes().put("user", request.header("X-Key"));
                return null;
            })
            .after((request, response) -> response.header("X-Frame-Options", "DENY"))
            .teardown((request, failure) -> log.add(request.path() + " " + (failure == null ? "ok" : failure.getMessage())))
            .get("/me", request -> Response.text("user " + request.attributes().get("user")))
            .get("/fail", request -> { throw new IllegalStateException("broke"); });
        TestClient client = TestClient.of(app.application());
        TestResponse denied = client.get("/me").send();
        assertEquals(401, denied.status());
        assertEquals("DENY", denied.header("X-Frame-Options"));
        TestResponse ok = client.get("/me").header("X-Key", "ada").send();
        assertEquals("user ada", ok.text());
        assertEquals("DENY", ok.header("X-Frame-Options"));
        assertEquals(500, client.get("/fail").header("X-Key", "ada").send().status());
        assertEquals(List.of("/me ok", "/me ok", "/fail broke"), log);
    }

    @Test
    void templatesEscapeAndSeeTheRequest() {
        App app = new App("t").templates(Templates.classpath("templates"))
            .get("/notes/{id:int}", "note", request -> request.render("note.peb",
                Map.of("title", "<b>Bold</b> & co", "tags", List.of("a", "b"))));
        TestResponse r = TestClient.of(app.application()).get("/site/notes/5").scriptName("/site").send();
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h1>\n<a href=\"/site/notes/5\">self</a>\n<li>a</li><li>b</li>", r.text()); // Pebble drops the newline after a tag
    }

    @Test
    void aMissingTemplateIsA500ThatNamesIt() {
        App app = new App("t").templates(Templates.classpath("templates")).get("/x", request -> request.render("none.peb", Map.of()));
        TestResponse r = TestClient.of(app.application()).get("/x").send();
        assertEquals(500, r.status());
        assertEquals(true, r.errors().contains("template none.peb"), r.errors());
    }
}
