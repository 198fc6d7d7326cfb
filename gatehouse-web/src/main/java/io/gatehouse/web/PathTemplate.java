package io.gatehouse.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed route pattern such as {@code /notes/{id:int}/edit}: literal segments and placeholders.
 *
 * {@snippet :
 * PathTemplate t = PathTemplate.parse("/files/{rest:path}");
 * t.expand(Map.of("rest", "a/b c.txt"));    // "/files/a/b%20c.txt"
 * }
 *
 * <p>A template starts with '/'; a placeholder fills a whole segment; a greedy one ({@code path})
 * may only come last; names are unique. A bad pattern fails here with one line naming it.
 *
 * @param pattern  the text as written
 * @param segments the parts between slashes, in order (a trailing slash is a last empty literal)
 */
public record PathTemplate(String pattern, List<Segment> segments) {

    /** One part of a template. */
    public sealed interface Segment permits Literal, Placeholder {
    }

    /** @param text the exact (decoded) segment text */
    public record Literal(String text) implements Segment {
    }

    /**
     * @param name      the parameter name
     * @param converter what the segment must look like
     */
    public record Placeholder(String name, Converter converter) implements Segment {
    }

    /** Copies the segment list. */
    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a pattern.
     *
     * @param pattern for example {@code "/notes/{id:int}"}
     * @return the template
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static PathTemplate parse(String pattern) {
        return parse(pattern, Converter.STANDARD);
    }

    static PathTemplate parse(String pattern, Map<String, Converter> converters) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> parts = splitPath(pattern);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (!part.contains("{") && !part.contains("}")) {
                segments.add(new Literal(part));
                continue;
            }
            if (!part.startsWith("{") || !part.endsWith("}") || part.indexOf('{', 1) >= 0) {
                throw new IllegalArgumentException("route pattern " + pattern
                    + ": a placeholder must fill a whole segment, got '" + part + "'");
            }
            String inner = part.substring(1, part.length() - 1);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String type = colon < 0 ? "str" : inner.substring(colon + 1);
            Converter converter = converters.get(type);
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("route pattern " + pattern + ": bad placeholder name '" + name + "'");
            }
            if (converter == null) {
                throw new IllegalArgumentException("route pattern " + pattern + ": unknown converter '" + type
                    + "' (known: " + converters.keySet() + ")");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("route pattern " + pattern + ": placeholder '" + name + "' twice");
            }
            if (converter.greedy() && i != parts.size() - 1) {
                throw new IllegalArgumentException("route pattern " + pattern + ": {" + inner + "} must be last");
            }
            segments.add(new Placeholder(name, converter));
        }
        return new PathTemplate(pattern, segments);
    }

    /**
     * Splits a path into its segments: {@code "/"} has none, {@code "/a/"} has {@code "a"} and
     * {@code ""}. An empty path counts as {@code "/"}.
     */
    static List<String> splitPath(String path) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty() || path.equals("/")) {
            return parts;
        }
        int start = 1;
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                parts.add(path.substring(start));
                return parts;
            }
            parts.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    /** @return the placeholder names in order */
    public List<String> parameterNames() {
        return segments.stream().filter(s -> s instanceof Placeholder).map(s -> ((Placeholder) s).name()).toList();
    }

    /**
     * Builds a percent-encoded path from parameter values; values not named by the template are
     * left out (the caller turns them into a query).
     *
     * @param params the values by placeholder name
     * @return the path, such as {@code "/notes/7"}
     * @throws IllegalArgumentException when a placeholder has no value or a value does not fit
     */
    public String expand(Map<String, ?> params) {
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (Segment segment : segments) {
            path.append('/');
            switch (segment) {
                case Literal literal -> path.append(PercentEncoding.encodePath(literal.text()));
                case Placeholder placeholder -> {
                    Object value = params.get(placeholder.name());
                    if (value == null) {
                        throw new IllegalArgumentException("route " + pattern + " needs parameter '"
                            + placeholder.name() + "'");
                    }
                    String text = placeholder.converter().toSegment(value);
                    if (placeholder.converter().toValue(text) == null
                        || (!placeholder.converter().greedy() && text.indexOf('/') >= 0)) {
                        throw new IllegalArgumentException("route " + pattern + ": '" + text
                            + "' does not fit {" + placeholder.name() + "}");
                    }
                    path.append(PercentEncoding.encodePath(text));
                }
            }
        }
        return path.toString();
    }

    /** @return the values not used by the template's placeholders, in order */
    Map<String, Object> leftovers(Map<String, ?> params) {
        Map<String, Object> rest = new LinkedHashMap<>(params);
        parameterNames().forEach(rest::remove);
        return rest;
    }
}
