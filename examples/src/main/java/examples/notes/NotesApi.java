package examples.notes;

import io.gatehouse.web.Blueprint;
import io.gatehouse.web.HttpError;
import io.gatehouse.web.Request;
import io.gatehouse.web.Response;

import java.io.IOException;
import java.util.Map;

/**
 * The JSON API of the notes service, a blueprint mounted at {@code /api}.
 *
 * <pre>
 * GET    /api/notes            list            200 [{"id":1,"title":...,"body":...}]
 * POST   /api/notes            {"title","body"} 201 + Location, or 422 when the title is blank
 * GET    /api/notes/{id}       one             200, or 404
 * PUT    /api/notes/{id}       {"title","body"} 200, 404 or 422
 * DELETE /api/notes/{id}       remove          204, or 404
 * </pre>
 */
final class NotesApi {

    /** The body of POST and PUT. @param title the title @param body the text */
    record NoteInput(String title, String body) {
    }

    private final NoteStore store;

    NotesApi(NoteStore store) {
        this.store = store;
    }

    Blueprint blueprint() {
        return new Blueprint("api")
            .get("/notes", "list", request -> store.all())
            .post("/notes", "create", this::create)
            .get("/notes/{id:int}", "note", request -> find(request))
            .put("/notes/{id:int}", this::update)
            .delete("/notes/{id:int}", request -> {
                if (!store.remove(request.param("id", Integer.class))) {
                    throw notFound(request);
                }
                return null;
            });
    }

    private Response create(Request request) throws IOException {
        NoteInput input = valid(request.json(NoteInput.class));
        Note note = store.add(input.title().strip(), input.body() == null ? "" : input.body());
        return Response.json(note).status(201).header("Location", request.urlFor("api.note", Map.of("id", note.id())));
    }

    private Note update(Request request) throws IOException {
        Note existing = find(request);
        NoteInput input = valid(request.json(NoteInput.class));
        Note note = new Note(existing.id(), input.title().strip(), input.body() == null ? "" : input.body());
        store.replace(note);
        return note;
    }

    private Note find(Request request) {
        return store.find(request.param("id", Integer.class)).orElseThrow(() -> notFound(request));
    }

    private static HttpError notFound(Request request) {
        return new HttpError(404, "no note " + request.param("id"));
    }

    private static NoteInput valid(NoteInput input) {
        if (input.title() == null || input.title().isBlank()) {
            throw new HttpError(422, "a note needs a title");
        }
        return input;
    }
}
