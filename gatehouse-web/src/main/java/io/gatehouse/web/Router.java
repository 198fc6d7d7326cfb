package io.gatehouse.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing core that both front doors ({@link Configurator}, {@link App}) fill: matches a method
 * and path to a {@link Rule}, and builds paths back from route names.
 *
 * {@snippet :
 * Router router = new Router();
 * router.add(Rule.of("note", "/notes/{id:int}", Set.of("GET"), view));
 * router.match("GET", "/notes/7");                  // Found(route, {id=7})
 * router.match("DELETE", "/notes/7");               // MethodNotAllowed([GET, HEAD, OPTIONS])
 * router.match("GET", "/notes/7/");                 // Redirect("/notes/7")
 * router.path("note", Map.of("id", 7, "q", "x"));  // "/notes/7?q=x"
 * }
 *
 * <p>Matching walks a segment tree ({@code RouteTrie}), so its cost grows with the path's depth, not
 * the table's size. Paths are the percent-decoded {@code PATH_INFO}, so an encoded slash
 * ({@code %2F}) separates segments like a plain one, as in every CGI-style interface.
 *
 * <p>Fill the router before serving; after that it is read-only and safe for many threads.
 */
public final class Router {

    private final RouteTrie trie = new RouteTrie();
    private final Map<String, Rule> byName = new HashMap<>();

    /**
     * Adds a route.
     *
     * @param route the route
     * @return this router
     * @throws IllegalArgumentException when it clashes with a route already added (same path shape
     *                                  and method), or its name is taken by another pattern
     */
    public Router add(Rule route) {
        if (route.name() != null) {
            Rule earlier = byName.get(route.name());
            if (earlier != null && !earlier.template().pattern().equals(route.template().pattern())) {
                throw new IllegalArgumentException("route name '" + route.name() + "' is used for both "
                    + earlier.template().pattern() + " and " + route.template().pattern());
            }
        }
        trie.add(route);
        if (route.name() != null) {
            byName.putIfAbsent(route.name(), route);
        }
        return this;
    }

    /**
     * Finds the route for a request.
     *
     * @param method the request method, upper case
     * @param path   the percent-decoded path ({@code PATH_INFO}); empty counts as {@code "/"}
     * @return what was found; see {@link RouteMatch}
     */
    public RouteMatch match(String method, String path) {
        RouteTrie.Search search = trie.search(method, path);
        if (search.found != null) {
            return new RouteMatch.Found(search.found, params(search.found, search.foundValues));
        }
        if (search.allowed != null) {
            return method.equals("OPTIONS") ? new RouteMatch.Options(search.allowed)
                : new RouteMatch.MethodNotAllowed(search.allowed);
        }
        String other = toggleSlash(path);
        if (other != null && trie.search(method, other).matchedAnything()) {
            return new RouteMatch.Redirect(other);
        }
        return new RouteMatch.NotFound();
    }

    private static String toggleSlash(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return null;
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    }

    private static Map<String, Object> params(Rule route, Object[] values) {
        List<String> names = route.template().parameterNames();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), values[i]);
        }
        return params;
    }

    /**
     * Builds the path of a named route (without {@code SCRIPT_NAME}); parameters the pattern does not
     * use become the query.
     *
     * @param name   the route name
     * @param params the placeholder values (and query parameters)
     * @return the percent-encoded path and query, such as {@code "/notes/7?page=2"}
     * @throws IllegalArgumentException when no route has that name or a parameter is missing
     */
    public String path(String name, Map<String, ?> params) {
        Rule route = byName.get(name);
        if (route == null) {
            throw new IllegalArgumentException("no route named '" + name + "' (known: " + byName.keySet() + ")");
        }
        String path = route.template().expand(params);
        Map<String, Object> query = route.template().leftovers(params);
        return query.isEmpty() ? path : path + "?" + PercentEncoding.encodeQuery(query);
    }

    /** @return whether a route has this name */
    boolean hasRoute(String name) {
        return byName.containsKey(name);
    }
}
