package io.gatehouse.web;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of the routing table: a name for {@code urlFor}, a path template, the methods it
 * answers (empty for any method) and the view.
 *
 * {@snippet :
 * Rule route = Rule.of("note", "/notes/{id:int}", Set.of("GET"), request -> request.param("id"));
 * }
 *
 * @param name     the route name, unique per template; {@code null} when the route cannot be reversed
 * @param template the parsed pattern
 * @param methods  upper-case methods; empty means every method
 * @param handler  the view
 */
public record Rule(String name, PathTemplate template, Set<String> methods, Handler handler) {

    /** Normalises the methods to upper case and checks the rest. */
    public Rule {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        TreeSet<String> upper = new TreeSet<>();
        for (String method : methods) {
            upper.add(method.toUpperCase(Locale.ROOT));
        }
        methods = Set.copyOf(upper);
    }

    /**
     * @param name    the route name, or {@code null}
     * @param pattern the path pattern
     * @param methods the methods, empty for any
     * @param handler the view
     * @return the route
     */
    public static Rule of(String name, String pattern, Set<String> methods, Handler handler) {
        return new Rule(name, PathTemplate.parse(pattern), methods, handler);
    }
}
