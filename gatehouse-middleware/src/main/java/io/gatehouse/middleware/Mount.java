package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Dispatches requests to applications by path prefix (the gateway's {@code SCRIPT_NAME} mechanism).
 *
 * {@snippet :
 * Application site = Mount.of()
 *     .at("/api", api)            // /api/users -> api sees SCRIPT_NAME "/api", PATH_INFO "/users"
 *     .at("/api/v2", apiV2)       // the longest matching prefix wins
 *     .fallback(pages);           // everything else; without one, 404
 * }
 *
 * <p>A prefix matches on whole path segments: {@code /api} takes {@code /api} and {@code /api/x}
 * but not {@code /apix}. The matched prefix moves from the start of {@code PATH_INFO}
 * to the end of {@code SCRIPT_NAME}, so mounted applications build their own URLs from
 * {@code SCRIPT_NAME} and route on {@code PATH_INFO} as if they were at the root. A request for
 * the prefix itself ({@code /api}) reaches the application with an empty {@code PATH_INFO}.
 * The fallback sees the environ unchanged. Matching is on the decoded, case-sensitive
 * {@code PATH_INFO}.
 *
 * <p>A {@code Mount} is immutable: {@link #at} and {@link #fallback} return new instances, and one
 * instance may serve many threads.
 */
public final class Mount implements Application {

    private record Entry(String prefix, Application application) {
    }

    private static final byte[] NOT_FOUND = "404 Not Found\n".getBytes(StandardCharsets.UTF_8);

    private final List<Entry> entries;
    private final Application fallback;

    private Mount(List<Entry> entries, Application fallback) {
        this.entries = entries;
        this.fallback = fallback;
    }

    /** @return a mount with no applications and no fallback: every request gets 404 */
    public static Mount of() {
        return new Mount(List.of(), null);
    }

    /**
     * Adds an application at a prefix.
     *
     * @param prefix      a path starting with '/', not ending with '/' (use {@link #fallback} for the root)
     * @param application the application to call for paths under it
     * @return a new mount with the application added
     * @throws IllegalArgumentException for a malformed or already-mounted prefix
     */
    public Mount at(String prefix, Application application) {
        Objects.requireNonNull(application, "application");
        if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("mount prefix must start with '/' and not end with '/' "
                + "(use fallback(...) for the root): " + prefix);
        }
        if (entries.stream().anyMatch(e -> e.prefix().equals(prefix))) {
            throw new IllegalArgumentException("prefix already mounted: " + prefix);
        }
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(prefix, application));
        more.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new Mount(List.copyOf(more), fallback);
    }

    /**
     * Sets the application for paths no prefix matches.
     *
     * @param application the root application
     * @return a new mount with that fallback
     */
    public Mount fallback(Application application) {
        return new Mount(entries, Objects.requireNonNull(application, "application"));
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        String path = environ.pathInfo();
        for (Entry entry : entries) {
            String prefix = entry.prefix();
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                environ.put(Environ.SCRIPT_NAME, environ.scriptName() + prefix);
                environ.put(Environ.PATH_INFO, path.substring(prefix.length()));
                return entry.application().call(environ, startResponse);
            }
        }
        if (fallback != null) {
            return fallback.call(environ, startResponse);
        }
        startResponse.start("404 Not Found", List.of(
            Header.of("Content-Type", "text/plain; charset=utf-8"),
            Header.of("Content-Length", String.valueOf(NOT_FOUND.length))));
        return Body.of(NOT_FOUND);
    }
}
