package io.gatehouse.http;

/**
 * A request broke HTTP/1.1 in a way named by a {@link Violation}; the server answers
 * {@code violation().status()} and closes the connection. Thrown by the parsers, caught once by
 * the connection.
 *
 * {@snippet :
 * try {
 *     event = parser.feed(buffer);
 * } catch (HttpViolationException e) {
 *     reject(e.violation());   // writes e.g. "400 Bad Request", then closes
 * }
 * }
 */
public final class HttpViolationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    /** @param violation what the request broke */
    public HttpViolationException(Violation violation) {
        super(violation + " (" + violation.rfc() + ")", null, false, false);
        this.violation = violation;
    }

    /** @return what the request broke */
    public Violation violation() {
        return violation;
    }
}
