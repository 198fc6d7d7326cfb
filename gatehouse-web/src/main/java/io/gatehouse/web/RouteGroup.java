package io.gatehouse.web;

import java.util.Set;

/**
 * The Flask-style way to add views, shared by {@link App} and {@link Blueprint}: lambdas by method,
 * or objects with {@link Route} methods.
 *
 * {@snippet :
 * app.get("/hello", request -> Response.text("Hello!\n"));
 * app.post("/notes", "create", request -> ...);            // named, for urlFor("create")
 * app.route("/any", Set.of("GET", "PUT"), request -> ...);
 * app.register(new NotesViews());                          // @Route methods
 * }
 *
 * @param <S> the concrete type, returned for chaining
 */
public abstract sealed class RouteGroup<S extends RouteGroup<S>> permits App, Blueprint {

    RouteGroup() {
    }

    /** Adds a rule; the concrete group decides where it goes. */
    abstract void add(Rule rule);

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /**
     * @param pattern the path pattern
     * @param methods the methods; empty for any
     * @param view    the view
     * @return this group
     */
    public S route(String pattern, Set<String> methods, Handler view) {
        return route(pattern, null, methods, view);
    }

    /**
     * @param pattern the path pattern
     * @param name    the route name for {@code urlFor}, or {@code null}
     * @param methods the methods; empty for any
     * @param view    the view
     * @return this group
     */
    public S route(String pattern, String name, Set<String> methods, Handler view) {
        add(Rule.of(name, pattern, methods, view));
        return self();
    }

    /** @param pattern the path pattern @param view the view @return this group */
    public S get(String pattern, Handler view) {
        return route(pattern, null, Set.of("GET"), view);
    }

    /** @param pattern the path pattern @param name the route name @param view the view @return this group */
    public S get(String pattern, String name, Handler view) {
        return route(pattern, name, Set.of("GET"), view);
    }

    /** @param pattern the path pattern @param view the view @return this group */
    public S post(String pattern, Handler view) {
        return route(pattern, null, Set.of("POST"), view);
    }

    /** @param pattern the path pattern @param name the route name @param view the view @return this group */
    public S post(String pattern, String name, Handler view) {
        return route(pattern, name, Set.of("POST"), view);
    }

    /** @param pattern the path pattern @param view the view @return this group */
    public S put(String pattern, Handler view) {
        return route(pattern, null, Set.of("PUT"), view);
    }

    /** @param pattern the path pattern @param view the view @return this group */
    public S patch(String pattern, Handler view) {
        return route(pattern, null, Set.of("PATCH"), view);
    }

    /** @param pattern the path pattern @param view the view @return this group */
    public S delete(String pattern, Handler view) {
        return route(pattern, null, Set.of("DELETE"), view);
    }

    /**
     * Adds every {@link Route} method of an object, or the static ones of a class.
     *
     * @param views the object or class
     * @return this group
     * @throws IllegalArgumentException when it has no such method or a parameter cannot be bound
     */
    public S register(Object views) {
        AnnotatedViews.rules(views).forEach(this::add);
        return self();
    }
}
