package examples.notes;

import io.gatehouse.web.HttpError;
import io.gatehouse.web.Param;
import io.gatehouse.web.Params;
import io.gatehouse.web.Request;
import io.gatehouse.web.Response;
import io.gatehouse.web.Route;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The HTML pages of the notes service, as {@link Route} methods. */
public final class NotesPages {

    private final NoteStore store;

    NotesPages(NoteStore store) {
        this.store = store;
    }

    /** @param request the request @return the list of notes and the form */
    @Route("/")
    public Response index(Request request) {
        return page(request, Map.of(), "");
    }

    /** @param request a form post with {@code title} and {@code body} @return a redirect, or the form again with errors */
    @Route(value = "/notes", methods = "POST")
    public Response create(Request request) throws IOException {
        Params form = request.form();
        String title = form.get("title", "").strip();
        if (title.isEmpty()) {
            return page(request, Map.of("body", form.get("body", "")), "A note needs a title.").status(422);
        }
        Note note = store.add(title, form.get("body", ""));
        request.session().flash("Created “" + note.title() + "”.");
        return Response.redirect(request.urlFor("show", Map.of("id", note.id())));
    }

    /** @param request the request @param id the note @return its page */
    @Route("/notes/{id:int}")
    public Response show(Request request, @Param("id") int id) {
        Note note = store.find(id).orElseThrow(() -> new HttpError(404, "no note " + id));
        return request.render("note.peb", Map.of("note", note, "flashes", request.session().takeFlashes()));
    }

    /** @param request the request @param id the note @return a redirect to the list */
    @Route(value = "/notes/{id:int}/delete", methods = "POST")
    public Response delete(Request request, @Param("id") int id) {
        if (!store.remove(id)) {
            throw new HttpError(404, "no note " + id);
        }
        request.session().flash("Deleted note " + id + ".");
        return Response.redirect(request.urlFor("index"));
    }

    /** @param request a form post with {@code name} @return a redirect to the list */
    @Route(value = "/name", methods = "POST")
    public Response name(Request request) throws IOException {
        String name = request.form("name");
        request.session().put("name", name == null || name.isBlank() ? null : name.strip());
        return Response.redirect(request.urlFor("index"));
    }

    private Response page(Request request, Map<String, Object> draft, String error) {
        Map<String, Object> model = new HashMap<>(draft);
        model.put("notes", store.all());
        model.put("error", error);
        model.put("name", request.session().getString("name"));
        model.put("flashes", request.session().takeFlashes());
        return request.render("index.peb", model);
    }
}
