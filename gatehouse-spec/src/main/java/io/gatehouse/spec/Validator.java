package io.gatehouse.spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A middleware that checks both sides of the gateway interface and fails loudly, with a
 * {@link GatewayViolation} naming the party and the rule (the counterpart of Python's
 * {@code wsgiref.validate}). Put it between a server and an application in tests:
 *
 * {@snippet :
 * Validator checked = Validator.wrap(app);
 * Body body = checked.call(environ, startResponse);   // throws GatewayViolation on a broken rule
 * ...
 * checked.assertAllClosed();                          // did the server close every body?
 * }
 *
 * <p>What it checks:
 * <ul>
 *   <li>Server, on every call: the environ (required keys, their types and forms, no
 *       {@code HTTP_CONTENT_TYPE}/{@code HTTP_CONTENT_LENGTH}); {@code gateway.input} ends exactly at
 *       the body's end; trailers stay empty until then; the body is iterated at most once, not used
 *       after close, closed at most once; start_response re-throws excInfo once headers are out.</li>
 *   <li>Application: the status line and headers (tokens, no CR/LF/NUL or other controls, nothing
 *       beyond ISO-8859-1, no hop-by-hop field, no Status field); start_response called before the
 *       first non-empty chunk and not twice without excInfo; a non-null body of non-null chunks;
 *       no content for 1xx, 204 and 304; the bytes agreeing with Content-Length and with
 *       {@link Body#length()}; {@code gateway.input} only read, never closed, marked or reset;
 *       {@code gateway.errors} never closed.</li>
 *   <li>Server, after the fact: a body never closed cannot be seen from inside a call, so the
 *       Validator counts bodies handed out and not yet closed: {@link #openBodies()} and
 *       {@link #assertAllClosed()}. The {@code TestClient} always closes.</li>
 * </ul>
 *
 * <p>Under the Validator, a {@link FileBody} reaches the server wrapped, so it is iterated rather
 * than sent with zero copy: the Validator is a test tool, not for production.
 */
public final class Validator implements Application {

    private final Application application;
    private final AtomicInteger openBodies = new AtomicInteger();

    private Validator(Application application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    /**
     * Wraps an application so that every call is checked.
     *
     * @param application the application to check
     * @return the checking middleware
     */
    public static Validator wrap(Application application) {
        return new Validator(application);
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        EnvironRules.check(environ);
        if (startResponse == null) {
            throw GatewayViolation.byServer("start_response is null");
        }
        ValidatedInput input = new ValidatedInput((InputStream) environ.get(Environ.GATEWAY_INPUT), environ.contentLength());
        environ.put(Environ.GATEWAY_INPUT, input);
        PrintStream errors = environ.errors();
        environ.put(Environ.GATEWAY_ERRORS, new PrintStream(errors, true, errors.charset()) {
            @Override
            public void close() {
                throw GatewayViolation.byApplication("gateway.errors was closed; the stream belongs to the server");
            }
        });
        if (environ.get(Environ.GATEWAY_INPUT_TRAILERS) instanceof Trailers trailers) {
            environ.put(Environ.GATEWAY_INPUT_TRAILERS, input.trailers(trailers));
        }
        if (environ.get(Environ.GATEWAY_EARLY_HINTS) instanceof EarlyHints hints) {
            environ.put(Environ.GATEWAY_EARLY_HINTS, (EarlyHints) headers -> {
                ResponseRules.headers(headers, "early_hints");
                hints.send(headers);
            });
        }
        ValidatedResponse response = new ValidatedResponse(startResponse, "HEAD".equals(environ.requestMethod()));
        Body body = application.call(environ, response);
        if (body == null) {
            throw GatewayViolation.byApplication("call() returned a null body; return Body.empty() for none");
        }
        openBodies.incrementAndGet();
        return new ValidatedBody(body, response, openBodies::decrementAndGet);
    }

    /** @return how many bodies this Validator handed to the server that it has not closed yet */
    public int openBodies() {
        return openBodies.get();
    }

    /**
     * Checks that the server closed every body it got.
     *
     * @throws GatewayViolation naming how many bodies are still open
     */
    public void assertAllClosed() {
        int open = openBodies.get();
        if (open != 0) {
            throw GatewayViolation.byServer(open + " response bod" + (open == 1 ? "y was" : "ies were")
                + " never closed; the server closes every body, even after an error or a disconnect");
        }
    }
}
