package examples.notes;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotesAppTest {

    private static final String KEY = "test-secret-key-0123456789";

    private final TestClient client = TestClient.of(NotesApp.create(new NoteStore(), KEY));

    @Test
    void theFormCreatesANoteFlashesAndRedirects() {
        TestResponse empty = client.get("/").send();
        assertEquals(200, empty.status());
        assertTrue(empty.text().contains("<li>No notes yet.</li>"), empty.text());
        assertTrue(empty.text().contains("<link rel=\"stylesheet\" href=\"/static/notes.css\">"), empty.text());

        TestResponse created = client.post("/notes").contentType("application/x-www-form-urlencoded")
            .body("title=Groceries+%26+more&body=milk").send();
        assertEquals(303, created.status());
        assertEquals("/notes/1", created.header("Location"));

        TestResponse page = client.get("/notes/1").send();
        assertTrue(page.text().contains("<h1>Groceries &amp; more</h1>"), page.text());
        assertTrue(page.text().contains("<p class=\"flash\">Created “Groceries &amp; more”.</p>"), page.text());
        assertFalse(client.get("/notes/1").send().text().contains("class=\"flash\""), "a flash shows once");

        TestResponse list = client.get("/").send();
        assertTrue(list.text().contains("<li><a href=\"/notes/1\">Groceries &amp; more</a></li>"), list.text());
    }

    @Test
    void aBlankTitleShowsTheFormAgainWith422() {
        TestResponse r = client.post("/notes").contentType("application/x-www-form-urlencoded").body("title=+&body=kept").send();
        assertEquals(422, r.status());
        assertTrue(r.text().contains("<p class=\"error\">A note needs a title.</p>"), r.text());
        assertTrue(r.text().contains("<textarea name=\"body\">kept</textarea>"), r.text());
    }

    @Test
    void theSessionRemembersTheName() {
        TestResponse saved = client.post("/name").contentType("application/x-www-form-urlencoded").body("name=Ada").send();
        assertEquals(303, saved.status());
        assertTrue(saved.header("Set-Cookie").startsWith("session="));
        assertTrue(client.get("/").send().text().contains("Hello, Ada"));
        assertFalse(TestClient.of(NotesApp.create(new NoteStore(), KEY)).get("/").send().text().contains("Hello,"));
    }

    @Test
    void deleteByFormThenTheNoteIsGone() {
        client.post("/notes").contentType("application/x-www-form-urlencoded").body("title=x").send();
        TestResponse deleted = client.post("/notes/1/delete").send();
        assertEquals(303, deleted.status());
        assertEquals("/", deleted.header("Location"));
        assertEquals(404, client.get("/notes/1").send().status());
        assertEquals(404, client.post("/notes/1/delete").send().status());
    }

    @Test
    void theJsonApiCreatesListsUpdatesAndDeletes() {
        TestResponse created = client.post("/api/notes").contentType("application/json")
            .body("{\"title\":\"API note\",\"body\":\"from curl\"}").send();
        assertEquals(201, created.status());
        assertEquals("/api/notes/1", created.header("Location"));
        assertEquals("{\"id\":1,\"title\":\"API note\",\"body\":\"from curl\"}", created.text());
        assertEquals("[{\"id\":1,\"title\":\"API note\",\"body\":\"from curl\"}]", client.get("/api/notes").send().text());
        TestResponse updated = client.put("/api/notes/1").contentType("application/json").body("{\"title\":\"New\"}").send();
        assertEquals("{\"id\":1,\"title\":\"New\",\"body\":\"\"}", updated.text());
        assertEquals(204, client.delete("/api/notes/1").send().status());
        assertEquals("[]", client.get("/api/notes").send().text());
    }

    @Test
    void apiErrorsAreJsonWhateverTheClientAccepts() {
        TestResponse missing = client.get("/api/notes/9").send();
        assertEquals(404, missing.status());
        assertEquals("{\"status\":404,\"error\":\"Not Found\",\"description\":\"no note 9\"}", missing.text());
        TestResponse invalid = client.post("/api/notes").contentType("application/json").body("{\"title\":\"\"}").send();
        assertEquals("{\"status\":422,\"error\":\"Unprocessable Content\",\"description\":\"a note needs a title\"}",
            invalid.text());
        assertEquals(400, client.post("/api/notes").contentType("application/json").body("{").send().status());
        assertEquals(415, client.post("/api/notes").contentType("text/plain").body("{}").send().status());
        TestResponse wrongMethod = client.request("PATCH", "/api/notes/1").send();
        assertEquals(405, wrongMethod.status());
        assertEquals("application/json", wrongMethod.header("Content-Type"));
        assertEquals("text/html; charset=utf-8", client.get("/nowhere").send().header("Content-Type"));
    }

    @Test
    void staticAssetsAreServedAndNothingElse() {
        TestResponse css = client.get("/static/notes.css").send();
        assertEquals(200, css.status());
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
        assertEquals("public, max-age=3600", css.header("Cache-Control"));
        assertTrue(css.text().startsWith("body {"));
        assertEquals(404, client.get("/static/../templates/base.peb").send().status());
        assertEquals(404, client.get("/static/examples/notes/NotesApp.class").send().status());
    }

    @Test
    void mountedUnderAPrefixEveryLinkFollows() {
        TestResponse created = client.post("/notes-app/notes").scriptName("/notes-app")
            .contentType("application/x-www-form-urlencoded").body("title=t").send();
        assertEquals("/notes-app/notes/1", created.header("Location"));
        TestResponse page = client.get("/notes-app/").scriptName("/notes-app").send();
        assertTrue(page.text().contains("href=\"/notes-app/static/notes.css\""), page.text());
    }
}
