package io.gatehouse.web;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway {@link Application} that both front doors make: one request through routing, hooks,
 * the view, error handling and sessions.
 *
 * <ol>
 *   <li>Match the method and path: a route (go on), 405 with {@code Allow}, an automatic OPTIONS
 *       answer (204 with {@code Allow}), a 308 to the path with its trailing slash fixed, or 404.</li>
 *   <li>Run the before hooks, then the view; turn its result into a response.</li>
 *   <li>On an exception: a status handler (for {@link HttpError}), else an exception handler for
 *       its class or a superclass, else log it to {@code gateway.errors} and answer 500, with the
 *       stack trace in the body only in debug mode.</li>
 *   <li>Run the after hooks on the response, add the session cookie if the session changed, start
 *       the response, then run the teardown hooks and delete upload files.</li>
 * </ol>
 */
final class Dispatcher implements Application {

    private final Router router;
    private final List<Hooks.Before> before;
    private final List<Hooks.After> after;
    private final List<Hooks.Teardown> teardown;
    private final Map<Integer, Hooks.ErrorHandler<? super HttpError>> statusHandlers;
    private final Map<Class<? extends Throwable>, Hooks.ErrorHandler<Throwable>> exceptionHandlers;
    private final SessionConfig sessions;
    private final Templates templates;
    private final boolean debug;
    private final Limits limits;

    Dispatcher(Setup setup) {
        this.router = setup.router;
        this.before = List.copyOf(setup.before);
        this.after = List.copyOf(setup.after);
        this.teardown = List.copyOf(setup.teardown);
        this.statusHandlers = Map.copyOf(setup.statusHandlers);
        this.exceptionHandlers = Map.copyOf(setup.exceptionHandlers);
        this.sessions = setup.sessions;
        this.templates = setup.templates;
        this.debug = setup.debug;
        this.limits = setup.limits;
    }

    static Dispatcher standalone() {
        return new Dispatcher(new Setup());
    }

    Router router() {
        return router;
    }

    Limits limits() {
        return limits;
    }

    SessionConfig sessions() {
        return sessions;
    }

    Templates templates() {
        if (templates == null) {
            throw new IllegalStateException("no templates configured: call templates(Templates.classpath(...))");
        }
        return templates;
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        Request request = new Request(environ, this);
        Throwable failure = null;
        try {
            Object result;
            try {
                result = route(request);
            } catch (Exception e) {
                failure = e;
                result = e instanceof HttpError http ? http : handleException(request, e);
            }
            if (result instanceof HttpError http) {
                result = statusPage(request, http); // thrown, returned or made by an exception handler alike
            }
            Application response = toApplication(request, result);
            if (response instanceof Response plain) {
                response = afterHooks(request, plain);
            }
            Cookie sessionCookie = sessions.enabled() ? sessions.cookieFor(request) : null;
            StartResponse start = sessionCookie == null ? startResponse : withCookie(startResponse, sessionCookie);
            return response.call(environ, start);
        } catch (Exception e) {
            if (failure == null) {
                failure = e;
            }
            // An error handler, an after hook or the response itself failed: the plain error page.
            Application fallback;
            if (e instanceof HttpError http) {
                fallback = http.toResponse(request.header("Accept"));
            } else {
                log(environ, "error while making the response to " + request, e);
                fallback = internalError(e);
            }
            return fallback.call(environ, (status, headers, excInfo) -> startResponse.start(status, headers, e));
        } finally {
            runTeardown(request, failure);
        }
    }

    private Object route(Request request) throws Exception {
        String method = request.method();
        return switch (router.match(method, request.pathInfo())) {
            case RouteMatch.Found found -> {
                request.params(found.params());
                for (Hooks.Before hook : before) {
                    Object early = hook.before(request);
                    if (early != null) {
                        yield early;
                    }
                }
                yield found.rule().handler().handle(request);
            }
            case RouteMatch.MethodNotAllowed nope ->
                // RFC 9110, 15.5.6: a 405 MUST carry Allow.
                throw new HttpError(405, null, List.of(Header.of("Allow", String.join(", ", nope.allowed()))), null);
            case RouteMatch.Options options ->
                Response.noContent().header("Allow", String.join(", ", options.allowed()));
            case RouteMatch.Redirect redirect -> {
                // 308 keeps the method and body (RFC 9110, 15.4.9), so a POST to the wrong form of a
                // path is not silently turned into a GET.
                String query = request.queryString();
                String location = PercentEncoding.encodePath(request.scriptName() + redirect.path())
                    + (query.isEmpty() ? "" : "?" + query);
                yield Response.redirect(location, 308);
            }
            case RouteMatch.NotFound ignored -> throw new HttpError(404);
        };
    }

    private Object handleException(Request request, Exception error) throws Exception {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Hooks.ErrorHandler<Throwable> handler = exceptionHandlers.get(type);
            if (handler != null) {
                return handler.handle(request, error);
            }
        }
        log(request.environ(), "unhandled exception in the view for " + request, error);
        return internalError(error);
    }

    private Object statusPage(Request request, HttpError error) throws Exception {
        Hooks.ErrorHandler<? super HttpError> handler = statusHandlers.get(error.status());
        return handler == null ? error : handler.handle(request, error);
    }

    private HttpError internalError(Throwable error) {
        if (!debug) {
            return new HttpError(500); // never a stack trace to a client in production
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new HttpError(500, trace.toString(), List.of(), error);
    }

    private static Application toApplication(Request request, Object result) {
        return switch (result) {
            case null -> Response.noContent();
            case HttpError error -> error.toResponse(request.header("Accept"));
            case Application application -> application;
            case String html -> Response.html(html);
            case byte[] bytes -> new Response(bytes, "application/octet-stream");
            default -> Response.json(result);
        };
    }

    private Response afterHooks(Request request, Response response) throws Exception {
        for (Hooks.After hook : after) {
            response = hook.after(request, response);
        }
        return response;
    }

    private static StartResponse withCookie(StartResponse startResponse, Cookie cookie) {
        return (status, headers, excInfo) -> {
            List<Header> more = new ArrayList<>(headers);
            more.add(Header.of("Set-Cookie", cookie.toHeaderValue()));
            startResponse.start(status, more, excInfo);
        };
    }

    private void runTeardown(Request request, Throwable failure) {
        for (Hooks.Teardown hook : teardown) {
            try {
                hook.teardown(request, failure);
            } catch (RuntimeException e) {
                log(request.environ(), "teardown hook failed for " + request, e);
            }
        }
        request.deleteTemporaryFiles();
    }

    private static void log(Environ environ, String what, Throwable error) {
        PrintStream errors = environ.errors() != null ? environ.errors() : System.err;
        errors.println("gatehouse-web: " + what);
        error.printStackTrace(errors);
    }
}
