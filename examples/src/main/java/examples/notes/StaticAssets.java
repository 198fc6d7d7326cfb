package examples.notes;

import io.gatehouse.web.HttpError;
import io.gatehouse.web.Request;
import io.gatehouse.web.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the few files under {@code notes/static/} on the class path at {@code /static/}.
 *
 * <p>A stand-in for the {@code gatehouse-staticfiles} module, which was not on main when this
 * example was written; only names from a fixed list are served, so no path from the client ever
 * reaches the class loader.
 */
final class StaticAssets {

    private static final Map<String, String> FILES = Map.of(
        "notes.css", "text/css; charset=utf-8",
        "notes.js", "text/javascript; charset=utf-8");

    private StaticAssets() {
    }

    static Response serve(Request request) throws IOException {
        String file = request.param("file", String.class);
        String type = FILES.get(file);
        if (type == null) {
            throw new HttpError(404);
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/notes/static/" + file)) {
            if (in == null) {
                throw new HttpError(404);
            }
            return new Response(in.readAllBytes(), type).header("Cache-Control", "public, max-age=3600");
        }
    }
}
