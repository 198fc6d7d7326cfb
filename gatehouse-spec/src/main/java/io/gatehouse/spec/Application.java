package io.gatehouse.spec;

/**
 * A web application as the gateway interface sees it: one call per request.
 *
 * <p>The server calls {@link #call} with the request's {@link Environ} and a {@link StartResponse}
 * callback. The application must call {@code startResponse} (once, or again with an exception as
 * {@code excInfo}) before the first non-empty chunk of the returned {@link Body} is produced, and
 * the server closes the body when it is done with it, whether the response completed or not.
 *
 * <p>Middleware is an application that wraps another one:
 *
 * {@snippet :
 * Application poweredBy(Application inner) {
 *     return (environ, startResponse) -> inner.call(environ, (status, headers, excInfo) -> {
 *         List<Header> more = new ArrayList<>(headers);
 *         more.add(Header.of("X-Powered-By", "Gatehouse"));
 *         startResponse.start(status, more, excInfo);
 *     });
 * }
 * }
 *
 * <p>An application may be called from many threads at once unless the server says otherwise in
 * {@link Environ#GATEWAY_MULTITHREAD}.
 */
@FunctionalInterface
public interface Application {

    /**
     * Handles one request.
     *
     * @param environ       the request: CGI variables, {@code HTTP_*} fields and {@code gateway.*} keys;
     *                      the application may read and change it, it is its own for this call
     * @param startResponse the callback that sets the status line and header fields
     * @return the response body, never {@code null}; use {@link Body#empty()} for none
     * @throws Exception any failure; the server answers 500 if nothing was sent yet, and otherwise
     *                   closes the connection, since the response cannot be completed
     */
    Body call(Environ environ, StartResponse startResponse) throws Exception;
}
