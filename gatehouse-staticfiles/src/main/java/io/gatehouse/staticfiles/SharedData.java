package io.gatehouse.staticfiles;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Middleware that serves a URL prefix from disk and hands every other request to the wrapped
 * application, like werkzeug's {@code SharedDataMiddleware} or WhiteNoise.
 *
 * {@snippet :
 * Application site = SharedData.wrap(app, "/static", Path.of("public"));
 * // GET /static/app.css -> public/app.css; GET /orders -> app
 * }
 *
 * <p>A request under the prefix (on a segment boundary: {@code /static/x}, not {@code /staticx})
 * is given to a {@link FileApplication} with the prefix moved into {@code SCRIPT_NAME}. When that
 * answers 404 (no such file, or a refused path), the request falls through to the wrapped
 * application unchanged, so an application can still own URLs under the prefix.
 */
public final class SharedData implements Application {

    private final Application next;
    private final String prefix;
    private final Application files;

    /**
     * @param next   the application for everything else
     * @param prefix the URL prefix, starting with '/' and not ending with '/'
     * @param files  the application that serves the prefix
     */
    public SharedData(Application next, String prefix, Application files) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/' and not end with '/': '" + prefix + "'");
        }
        this.next = Objects.requireNonNull(next, "next");
        this.prefix = prefix;
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * @param next      the application for everything else
     * @param prefix    the URL prefix, such as {@code /static}
     * @param directory the directory served under it, with {@link FileOptions#defaults()}
     * @return the middleware
     */
    public static SharedData wrap(Application next, String prefix, Path directory) {
        return new SharedData(next, prefix, new FileApplication(directory));
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        String path = environ.pathInfo();
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            return next.call(environ, startResponse);
        }
        Environ shifted = environ.copy()
            .put(Environ.SCRIPT_NAME, environ.scriptName() + prefix)
            .put(Environ.PATH_INFO, path.substring(prefix.length()));
        Held held = new Held();
        Body body = files.call(shifted, held);
        if (held.status != null && held.status.startsWith("404")) {
            body.close();
            return next.call(environ, startResponse);
        }
        startResponse.start(held.status, held.headers);
        return body;
    }

    /** Keeps the file application's answer until we know whether to fall through. */
    private static final class Held implements StartResponse {
        private String status;
        private List<Header> headers;

        @Override
        public void start(String status, List<Header> headers, Throwable excInfo) {
            this.status = status;
            this.headers = headers;
        }
    }
}
