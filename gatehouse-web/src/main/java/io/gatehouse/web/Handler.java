package io.gatehouse.web;

/**
 * A view: turns a request into a response.
 *
 * <p>It may return a {@link Response}, a {@code String} (sent as {@code text/html}), a
 * {@code byte[]}, any gateway {@link io.gatehouse.spec.Application} (an {@link HttpError}, a mounted
 * sub-application), {@code null} (204 No Content), or any other object, which is sent as JSON.
 *
 * {@snippet :
 * Handler hello = request -> Response.text("Hello, " + request.query("name") + "\n");
 * Handler note = request -> Map.of("id", request.param("id"));   // JSON
 * }
 */
@FunctionalInterface
public interface Handler {

    /**
     * @param request the request, with the route's parameters in {@link Request#param}
     * @return the response, as described above
     * @throws Exception any failure; an {@link HttpError} is sent as is, others become a 500 (or go
     *                   to a registered exception handler)
     */
    Object handle(Request request) throws Exception;
}
