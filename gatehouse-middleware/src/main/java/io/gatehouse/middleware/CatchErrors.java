package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns an application's failure into a plain {@code 500 Internal Server Error} page, and writes
 * the stack trace to {@code gateway.errors}, never to the client.
 *
 * {@snippet :
 * Application safe = CatchErrors.wrap(app);                // production
 * Application local = CatchErrors.showingTraces(app);      // development only: trace in the page
 * }
 *
 * <p>What it catches, and what it does:
 * <ol>
 *   <li>An exception thrown by {@code call()}, or by the body before its first non-empty chunk
 *       (the headers have not gone out): it calls start_response again with the exception as
 *       excInfo, which replaces whatever the application had set, and answers with the 500 page.
 *       The page and the log line share an error id, so a user's report can be matched to the
 *       trace.</li>
 *   <li>An exception after the first non-empty chunk (the headers are out, the client has part of
 *       a response): it logs the trace and calls start_response with the exception as excInfo,
 *       which re-throws it, so the server aborts the response rather than send a truncated one as
 *       if it were whole.</li>
 * </ol>
 * Errors ({@link Error}, such as {@link OutOfMemoryError}) are not caught: the server deals with
 * them. The wrapped body is always closed when the server closes this one.
 *
 * <p>{@link #showingTraces} puts the stack trace in the page. It tells an attacker about the code
 * and its data; never use it in production.
 */
public final class CatchErrors implements Application {

    private final Application application;
    private final boolean showTraces;

    private CatchErrors(Application application, boolean showTraces) {
        this.application = Objects.requireNonNull(application, "application");
        this.showTraces = showTraces;
    }

    /**
     * Wraps an application; failures give a 500 page with no details.
     *
     * @param application the application to protect
     * @return the middleware
     */
    public static CatchErrors wrap(Application application) {
        return new CatchErrors(application, false);
    }

    /**
     * Wraps an application; failures give a 500 page that includes the stack trace. For local
     * development only, never for production.
     *
     * @param application the application to protect
     * @return the middleware
     */
    public static CatchErrors showingTraces(Application application) {
        return new CatchErrors(application, true);
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) {
        Body body;
        try {
            body = application.call(environ, startResponse);
        } catch (Exception e) {
            return errorPage(environ, startResponse, e);
        }
        return new GuardedBody(body, this, environ, startResponse);
    }

    /** Logs the failure and answers 500 in place of whatever the application had started. */
    Body errorPage(Environ environ, StartResponse startResponse, Exception failure) {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String trace = log(environ, failure, "error " + id + ": ", "answered 500");
        String text = "500 Internal Server Error\n\nThe server hit an unexpected error and could not complete "
            + "the request.\nError id: " + id + "\n" + (showTraces ? "\n" + trace : "");
        byte[] page = text.getBytes(StandardCharsets.UTF_8);
        startResponse.start("500 Internal Server Error", List.of(
            Header.of("Content-Type", "text/plain; charset=utf-8"),
            Header.of("Content-Length", String.valueOf(page.length)),
            Header.of("Cache-Control", "no-store")), failure);
        return Body.of(page);
    }

    /** Logs a failure after the headers went out, then aborts through the excInfo contract. */
    void abort(Environ environ, StartResponse startResponse, RuntimeException failure) {
        log(environ, failure, "", "response aborted after it started");
        startResponse.start("500 Internal Server Error", List.of(), failure);
        throw failure; // a compliant start_response has re-thrown already
    }

    private static String log(Environ environ, Exception failure, String label, String outcome) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        PrintStream errors = environ.errors();
        if (errors != null) {
            errors.print("CatchErrors: " + label + environ.requestMethod() + " " + environ.scriptName()
                + environ.pathInfo() + " failed, " + outcome + "\n" + trace);
            errors.flush();
        }
        return trace.toString();
    }
}
