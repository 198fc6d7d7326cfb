package io.gatehouse.web;

/**
 * The shapes of the functions an application runs around its views.
 *
 * {@snippet :
 * app.before(request -> request.header("X-Api-Key") == null ? new HttpError(401) : null);
 * app.after((request, response) -> response.header("X-Frame-Options", "DENY"));
 * app.teardown((request, failure) -> connections.release(request));
 * app.errorHandler(404, (request, error) -> request.render("404.peb", Map.of()).status(404));
 * app.exceptionHandler(NoSuchElementException.class, (request, e) -> new HttpError(404, e.getMessage()));
 * }
 */
public final class Hooks {

    private Hooks() {
    }

    /** Runs before a matched view; a non-null result is the response and the view is skipped. */
    @FunctionalInterface
    public interface Before {
        /** @param request the request @return {@code null} to go on, or a response @throws Exception any failure */
        Object before(Request request) throws Exception;
    }

    /** Runs on every {@link Response} (views and error pages alike) and may change or replace it. */
    @FunctionalInterface
    public interface After {
        /**
         * @param request  the request
         * @param response the response so far
         * @return the response to send
         * @throws Exception any failure
         */
        Response after(Request request, Response response) throws Exception;
    }

    /** Runs once the response is made, whatever happened; its own failures are logged and ignored. */
    @FunctionalInterface
    public interface Teardown {
        /** @param request the request @param failure the view's exception, or {@code null} */
        void teardown(Request request, Throwable failure);
    }

    /**
     * Turns an error into a response (anything a {@link Handler} may return).
     *
     * @param <E> the error type
     */
    @FunctionalInterface
    public interface ErrorHandler<E extends Throwable> {
        /** @param request the request @param error the error @return the response @throws Exception any failure */
        Object handle(Request request, E error) throws Exception;
    }
}
