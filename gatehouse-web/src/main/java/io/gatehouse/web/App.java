package io.gatehouse.web;

import io.gatehouse.spec.Application;

import java.util.List;
import java.util.Map;

/**
 * The Flask-style front door: an application object that collects views, hooks and settings, and
 * whose {@link #application()} is the gateway {@link Application} a server runs.
 *
 * {@snippet :
 * public final class HelloFlask {
 *     static final App flaskApp = new App("flaskapp");
 *
 *     @Route("/hello")
 *     public Response helloWorld() {
 *         return new Response("Hello world from Flask!\n").mimetype("text/plain");
 *     }
 *
 *     public static final Application app = flaskApp.register(new HelloFlask()).application();
 * }
 * }
 *
 * <p>Configure first, then call {@link #application()} once: after that the app is frozen and any
 * further change fails, so a running application's routing table never changes under it.
 */
public final class App extends RouteGroup<App> {

    private final String name;
    private final Setup setup = new Setup();
    private Dispatcher dispatcher;

    /** @param name the application's name (Flask's import name), for logs */
    public App(String name) {
        this.name = name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    @Override
    void add(Rule rule) {
        checkOpen().router.add(rule);
    }

    /**
     * Mounts a blueprint's views under a prefix.
     *
     * @param blueprint the views
     * @param prefix    such as {@code "/api"}, or empty
     * @return this app
     */
    public App register(Blueprint blueprint, String prefix) {
        blueprint.rulesAt(prefix).forEach(this::add);
        return this;
    }

    /**
     * Sends every request under a prefix, any method, to another gateway application, with the
     * prefix moved to its {@code SCRIPT_NAME}.
     *
     * @param prefix      such as {@code "/legacy"}
     * @param application the sub-application
     * @return this app
     */
    public App mount(String prefix, Application application) {
        Mounting.rules(prefix, application).forEach(this::add);
        return this;
    }

    /** @param hook runs before each matched view @return this app */
    public App before(Hooks.Before hook) {
        checkOpen().before.add(hook);
        return this;
    }

    /** @param hook runs on each response @return this app */
    public App after(Hooks.After hook) {
        checkOpen().after.add(hook);
        return this;
    }

    /** @param hook runs at the end of each request @return this app */
    public App teardown(Hooks.Teardown hook) {
        checkOpen().teardown.add(hook);
        return this;
    }

    /**
     * @param status  the error status, such as 404
     * @param handler makes its response
     * @return this app
     */
    public App errorHandler(int status, Hooks.ErrorHandler<? super HttpError> handler) {
        checkOpen().statusHandlers.put(status, handler);
        return this;
    }

    /**
     * @param type    an exception class; subclasses are handled too, the nearest handler wins
     * @param handler makes its response
     * @param <E>     the exception type
     * @return this app
     */
    public <E extends Throwable> App exceptionHandler(Class<E> type, Hooks.ErrorHandler<? super E> handler) {
        checkOpen().exceptionHandler(type, handler);
        return this;
    }

    /**
     * Turns on signed-cookie sessions.
     *
     * @param keys the signing keys, newest first (it signs; all verify), at least 16 characters each
     * @return this app
     */
    public App secretKeys(String... keys) {
        checkOpen().secretKeys(List.of(keys));
        return this;
    }

    /** @param templates where views' templates come from @return this app */
    public App templates(Templates templates) {
        checkOpen().templates = templates;
        return this;
    }

    /** @param debug whether 500 pages show the stack trace (never in production) @return this app */
    public App debug(boolean debug) {
        checkOpen().debug = debug;
        return this;
    }

    /** @param limits body and upload limits @return this app */
    public App limits(Limits limits) {
        checkOpen().limits = limits;
        return this;
    }

    /**
     * The path of a named route at the root (without any {@code SCRIPT_NAME}); inside a view use
     * {@link Request#urlFor}, which knows where the app is mounted.
     *
     * @param routeName the route name
     * @param params    placeholder values; the rest become the query
     * @return the path
     */
    public String urlFor(String routeName, Map<String, ?> params) {
        return setup.router.path(routeName, params);
    }

    /** @return the gateway application; the app is frozen from now on */
    public synchronized Application application() {
        if (dispatcher == null) {
            dispatcher = new Dispatcher(setup);
        }
        return dispatcher;
    }

    private Setup checkOpen() {
        if (dispatcher != null) {
            throw new IllegalStateException("app " + name + " is already running: configure it before application()");
        }
        return setup;
    }
}
