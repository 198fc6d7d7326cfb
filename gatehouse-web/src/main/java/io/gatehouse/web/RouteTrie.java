package io.gatehouse.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing table as a tree of path segments, so a lookup costs the path's depth, not the number
 * of routes: each node maps literal segments to children (a hash lookup), then tries its
 * placeholders in {@link Converter#priority()} order, backtracking when a branch ends without a
 * route. Greedy placeholders ({@code path}) end the walk and take the rest of the path.
 */
final class RouteTrie {

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final List<Edge> placeholders = new ArrayList<>();
        Endpoint endpoint;
        final List<Edge> greedy = new ArrayList<>();
    }

    private record Edge(Converter converter, Node child) {
    }

    /** The routes that end at one node, by method; a route with no methods answers any. */
    static final class Endpoint {
        final Map<String, Rule> byMethod = new HashMap<>();
        Rule anyMethod;

        Rule select(String method) {
            Rule route = byMethod.get(method);
            if (route == null && method.equals("HEAD")) {
                route = byMethod.get("GET"); // RFC 9110, 9.3.2: HEAD is GET without the content
            }
            return route != null ? route : anyMethod;
        }

        Set<String> allowed() {
            Set<String> allowed = new TreeSet<>(byMethod.keySet());
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            return allowed;
        }
    }

    private final Node root = new Node();

    void add(Rule route) {
        Node node = root;
        for (PathTemplate.Segment segment : route.template().segments()) {
            node = switch (segment) {
                case PathTemplate.Literal literal -> node.literals.computeIfAbsent(literal.text(), t -> new Node());
                case PathTemplate.Placeholder p -> child(p.converter().greedy() ? node.greedy : node.placeholders,
                    p.converter());
            };
        }
        if (node.endpoint == null) {
            node.endpoint = new Endpoint();
        }
        Endpoint endpoint = node.endpoint;
        if (route.methods().isEmpty()) {
            if (endpoint.anyMethod != null) {
                throw conflict(route, endpoint.anyMethod);
            }
            endpoint.anyMethod = route;
        }
        for (String method : route.methods()) {
            Rule earlier = endpoint.byMethod.putIfAbsent(method, route);
            if (earlier != null) {
                throw conflict(route, earlier);
            }
        }
    }

    private static Node child(List<Edge> edges, Converter converter) {
        for (Edge edge : edges) {
            if (edge.converter() == converter) {
                return edge.child();
            }
        }
        Edge edge = new Edge(converter, new Node());
        edges.add(edge);
        edges.sort(Comparator.comparingInt(e -> e.converter().priority()));
        return edge.child();
    }

    private static IllegalArgumentException conflict(Rule route, Rule earlier) {
        return new IllegalArgumentException("route " + route.template().pattern() + " " + route.methods()
            + " clashes with " + earlier.template().pattern() + " " + earlier.methods());
    }

    /** The outcome of a walk: the first route for the method, or every method the path allows. */
    static final class Search {
        final String method;
        final String path;
        final List<String> segments;
        final Object[] values;
        Rule found;
        Object[] foundValues;
        Set<String> allowed;

        Search(String method, String path) {
            this.method = method;
            this.path = path;
            this.segments = PathTemplate.splitPath(path);
            this.values = new Object[segments.size() + 1];
        }

        boolean matchedAnything() {
            return found != null || allowed != null;
        }
    }

    Search search(String method, String path) {
        Search search = new Search(method, path);
        walk(root, search, 0, 0);
        return search;
    }

    /** @return true to stop: a route for the method was found */
    private boolean walk(Node node, Search search, int index, int captured) {
        if (index == search.segments.size()) {
            return arrive(node.endpoint, search, captured);
        }
        String segment = search.segments.get(index);
        Node literal = node.literals.get(segment);
        if (literal != null && walk(literal, search, index + 1, captured)) {
            return true;
        }
        for (Edge edge : node.placeholders) {
            Object value = edge.converter().toValue(segment);
            if (value != null) {
                search.values[captured] = value;
                if (walk(edge.child(), search, index + 1, captured + 1)) {
                    return true;
                }
            }
        }
        for (Edge edge : node.greedy) {
            Object value = edge.converter().toValue(rest(search, index));
            if (value != null) {
                search.values[captured] = value;
                if (arrive(edge.child().endpoint, search, captured + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean arrive(Endpoint endpoint, Search search, int captured) {
        if (endpoint == null) {
            return false;
        }
        Rule route = endpoint.select(search.method);
        if (route != null) {
            search.found = route;
            search.foundValues = java.util.Arrays.copyOf(search.values, captured);
            return true;
        }
        if (search.allowed == null) {
            search.allowed = new TreeSet<>();
        }
        search.allowed.addAll(endpoint.allowed()); // keep looking: another shape may take the method
        return false;
    }

    private static String rest(Search search, int index) {
        return String.join("/", search.segments.subList(index, search.segments.size()));
    }
}
