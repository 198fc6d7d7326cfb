package examples.notes;

import io.gatehouse.spec.Application;
import io.gatehouse.web.App;
import io.gatehouse.web.HttpError;
import io.gatehouse.web.Request;
import io.gatehouse.web.Templates;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A small but realistic notes service: HTML pages with a form, a JSON API, a signed-cookie session
 * (the visitor's name and flash messages) and static assets under {@code /static/}.
 *
 * <pre>
 * GET  /                      the notes and a form          POST /notes              create (form)
 * GET  /notes/{id}            one note                      POST /notes/{id}/delete  delete (form)
 * POST /name                  remember the visitor's name   GET  /static/{file}      CSS and friends
 * /api/...                    the JSON API, see {@link NotesApi}
 * </pre>
 *
 * Run it with {@code ./gatehouse serve examples.notes.NotesApp:app}; set {@code NOTES_SECRET_KEY}
 * (16+ characters) so sessions survive restarts and work across worker processes.
 */
public final class NotesApp {

    private static final List<Integer> API_ERRORS = List.of(400, 404, 405, 413, 415, 422);

    /** The gateway application, with an empty store. */
    public static final Application app = create(new NoteStore(), secretKey());

    private NotesApp() {
    }

    /**
     * Builds the service.
     *
     * @param store     where the notes live
     * @param secretKey the session signing key, 16+ characters
     * @return the gateway application
     */
    public static Application create(NoteStore store, String secretKey) {
        NotesPages pages = new NotesPages(store);
        App notes = new App("notes")
            .secretKeys(secretKey)
            .templates(Templates.classpath("notes/templates"))
            .register(pages)
            .register(new NotesApi(store).blueprint(), "/api")
            .get("/static/{file:path}", "static", StaticAssets::serve)
            .after((request, response) -> response.header("X-Content-Type-Options", "nosniff"));
        for (int status : API_ERRORS) {
            notes.errorHandler(status, NotesApp::jsonUnderApi);
        }
        return notes.application();
    }

    /** API clients get JSON errors whatever they accept; pages get the negotiated page. */
    private static Object jsonUnderApi(Request request, HttpError error) {
        return request.pathInfo().startsWith("/api/") ? error.toJson() : error;
    }

    private static String secretKey() {
        String configured = System.getenv("NOTES_SECRET_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
