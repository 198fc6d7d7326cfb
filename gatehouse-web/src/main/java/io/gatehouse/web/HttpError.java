package io.gatehouse.web;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP error as an exception that is also a gateway {@link Application}: throw it from anywhere
 * in a view ({@link #abort}), or return it, or mount it; it answers with an error page in HTML or
 * JSON, whichever the request's {@code Accept} prefers.
 *
 * {@snippet :
 * Note note = notes.get(id);
 * if (note == null) {
 *     HttpError.abort(404, "no note " + id);
 * }
 * }
 *
 * <p>The description is shown to the client, so it must not hold secrets; the cause, if any, is
 * only logged. The exception has no stack trace of its own: it is control flow, not a bug report.
 */
public class HttpError extends RuntimeException implements Application {

    private final int status;
    private final String description;
    private final List<Header> headers;

    /** @param status the 4xx or 5xx status */
    public HttpError(int status) {
        this(status, null);
    }

    /**
     * @param status      the 4xx or 5xx status
     * @param description a sentence for the client, or {@code null} for the reason phrase only
     */
    public HttpError(int status, String description) {
        this(status, description, List.of(), null);
    }

    /**
     * @param status      the status
     * @param description a sentence for the client, or {@code null}
     * @param headers     extra fields, such as {@code Allow} for 405 or {@code WWW-Authenticate} for 401
     * @param cause       the failure behind it (logged, never sent), or {@code null}
     */
    public HttpError(int status, String description, List<Header> headers, Throwable cause) {
        super(ReasonPhrase.statusLine(status) + (description == null ? "" : ": " + description), cause, false, false);
        if (status < 400) {
            throw new IllegalArgumentException("an HttpError is 4xx or 5xx, got " + status);
        }
        this.status = status;
        this.description = description;
        this.headers = List.copyOf(headers);
    }

    /**
     * Stops the view with an error response.
     *
     * @param status the status
     * @throws HttpError always
     */
    public static void abort(int status) {
        throw new HttpError(status);
    }

    /**
     * Stops the view with an error response that says why.
     *
     * @param status      the status
     * @param description a sentence for the client
     * @throws HttpError always
     */
    public static void abort(int status, String description) {
        throw new HttpError(status, description);
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the sentence for the client, or {@code null} */
    public String description() {
        return description;
    }

    /** @return the extra header fields */
    public List<Header> headers() {
        return headers;
    }

    /**
     * The error page as a {@link Response}, JSON when {@code accept} prefers
     * {@code application/json} to {@code text/html}, HTML otherwise.
     *
     * @param accept the request's {@code Accept} value, or {@code null}
     * @return the response
     */
    public Response toResponse(String accept) {
        return Accept.parse(accept).prefersJson() ? toJson() : toHtml();
    }

    /** @return the error as {@code {"status":404,"error":"Not Found","description":...}} */
    public Response toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("error", ReasonPhrase.of(status));
        if (description != null) {
            json.put("description", description);
        }
        return withHeaders(Response.json(json));
    }

    /** @return the error as a small HTML page, the description escaped (in {@code <pre>} if multi-line) */
    public Response toHtml() {
        String title = ReasonPhrase.of(status);
        String text = description == null ? ""
            : description.contains("\n") ? "<pre>" + escape(description) + "</pre>\n"
            : "<p>" + escape(description) + "</p>\n";
        return withHeaders(Response.html("<!doctype html>\n<title>" + status + " " + title + "</title>\n<h1>" + title
            + "</h1>\n" + text));
    }

    private Response withHeaders(Response response) {
        response.status(status);
        for (Header header : headers) {
            response.header(header.name(), header.value());
        }
        return response;
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws IOException {
        return toResponse(environ.header("Accept")).call(environ, startResponse);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
