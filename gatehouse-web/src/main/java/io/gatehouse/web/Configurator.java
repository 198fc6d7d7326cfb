package io.gatehouse.web;

import io.gatehouse.spec.Application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Pyramid-style front door: routes are declared by name, views attached to route names, and
 * {@link #makeApplication()} returns the gateway {@link Application}.
 *
 * {@snippet :
 * Configurator config = new Configurator();
 * config.addRoute("hello", "/hello");
 * config.addView(HelloPyramid::helloWorld, "hello");
 * Application app = config.makeApplication();
 * }
 *
 * <p>A route may have one view for any method and views for particular methods
 * ({@code addView(view, "note", "DELETE")}); the particular one wins.
 */
public final class Configurator {

    private final Setup setup = new Setup();
    private final Map<String, PathTemplate> routes = new LinkedHashMap<>();
    private final Map<String, Map<String, Handler>> views = new LinkedHashMap<>();

    /** Makes an empty configuration. */
    public Configurator() {
    }

    /**
     * Declares a route.
     *
     * @param name    the route name, unique
     * @param pattern the path pattern, such as {@code "/notes/{id:int}"}
     * @return this configurator
     */
    public Configurator addRoute(String name, String pattern) {
        if (routes.putIfAbsent(name, PathTemplate.parse(pattern)) != null) {
            throw new IllegalArgumentException("route '" + name + "' is declared twice");
        }
        return this;
    }

    /**
     * Attaches a view to a route for every method.
     *
     * @param view      the view
     * @param routeName a route declared with {@link #addRoute}
     * @return this configurator
     */
    public Configurator addView(Handler view, String routeName) {
        return addView(view, routeName, "");
    }

    /**
     * Attaches a view to a route for one method (Pyramid's {@code request_method} predicate).
     *
     * @param view          the view
     * @param routeName     a route declared with {@link #addRoute}
     * @param requestMethod such as {@code "POST"}
     * @return this configurator
     */
    public Configurator addView(Handler view, String routeName, String requestMethod) {
        if (!routes.containsKey(routeName)) {
            throw new IllegalArgumentException("addView: no route named '" + routeName + "' (declare it with addRoute first)");
        }
        String method = requestMethod.toUpperCase(Locale.ROOT);
        if (views.computeIfAbsent(routeName, n -> new LinkedHashMap<>()).putIfAbsent(method, view) != null) {
            throw new IllegalArgumentException("route '" + routeName + "' already has a view for "
                + (method.isEmpty() ? "any method" : method));
        }
        return this;
    }

    /**
     * The view for an error status (Pyramid's {@code notfound_view} and exception views).
     *
     * @param status  such as 404
     * @param handler makes the response
     * @return this configurator
     */
    public Configurator addErrorView(int status, Hooks.ErrorHandler<? super HttpError> handler) {
        setup.statusHandlers.put(status, handler);
        return this;
    }

    /**
     * The view for an exception type and its subclasses.
     *
     * @param type    the exception class
     * @param handler makes the response
     * @param <E>     the type
     * @return this configurator
     */
    public <E extends Throwable> Configurator addExceptionView(Class<E> type, Hooks.ErrorHandler<? super E> handler) {
        setup.exceptionHandler(type, handler);
        return this;
    }

    /** @param hook runs on each response (a Pyramid tween's second half) @return this configurator */
    public Configurator addResponseHook(Hooks.After hook) {
        setup.after.add(hook);
        return this;
    }

    /** @param keys signing keys for cookie sessions, newest first @return this configurator */
    public Configurator setSessionKeys(String... keys) {
        setup.secretKeys(List.of(keys));
        return this;
    }

    /** @param templates where views' templates come from @return this configurator */
    public Configurator setTemplates(Templates templates) {
        setup.templates = templates;
        return this;
    }

    /** @param debug whether 500 pages show the stack trace @return this configurator */
    public Configurator setDebug(boolean debug) {
        setup.debug = debug;
        return this;
    }

    /**
     * Builds the application; every declared route must have a view.
     *
     * @return the gateway application
     * @throws IllegalStateException naming a route without a view
     */
    public Application makeApplication() {
        Setup built = new Setup();
        built.before.addAll(setup.before);
        built.after.addAll(setup.after);
        built.statusHandlers.putAll(setup.statusHandlers);
        built.exceptionHandlers.putAll(setup.exceptionHandlers);
        built.sessions = setup.sessions;
        built.templates = setup.templates;
        built.debug = setup.debug;
        built.limits = setup.limits;
        routes.forEach((name, template) -> {
            Map<String, Handler> byMethod = views.get(name);
            if (byMethod == null) {
                throw new IllegalStateException("route '" + name + "' (" + template.pattern() + ") has no view");
            }
            byMethod.forEach((method, view) ->
                built.router.add(new Rule(name, template, method.isEmpty() ? Set.of() : Set.of(method), view)));
        });
        return new Dispatcher(built);
    }
}
