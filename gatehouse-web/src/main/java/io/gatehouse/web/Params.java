package io.gatehouse.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-valued, ordered parameters: a query string or a form. Names are case-sensitive.
 *
 * {@snippet :
 * Params query = Params.parse("tag=a&tag=b&q=gate+house");
 * query.get("q");        // "gate house"
 * query.all("tag");      // ["a", "b"]
 * query.get("missing");  // null
 * }
 */
public final class Params {

    private static final Params EMPTY = new Params(Map.of());

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** @return parameters with no entries */
    public static Params empty() {
        return EMPTY;
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text (a query string or a form body):
     * '&amp;'-separated pairs, '+' for space, percent-escapes in UTF-8. A pair without '=' has an
     * empty value; empty pairs are skipped.
     *
     * @param encoded the text, not decoded
     * @return the parameters in order
     */
    public static Params parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            builder.add(PercentEncoding.decodeForm(name), PercentEncoding.decodeForm(value));
        }
        return builder.build();
    }

    /**
     * @param name a parameter name
     * @return its first value, or {@code null}
     */
    public String get(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.getFirst();
    }

    /**
     * @param name     a parameter name
     * @param fallback what to return when there is none
     * @return its first value, or {@code fallback}
     */
    public String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    /**
     * @param name a parameter name
     * @return every value, in order; empty when there is none
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** @return the names in first-seen order */
    public Set<String> names() {
        return values.keySet();
    }

    /** @return whether there are no parameters */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return the parameters as an unmodifiable map of lists */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects parameters in order. */
    static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        Builder add(String name, String value) {
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        Params build() {
            Map<String, List<String>> frozen = new LinkedHashMap<>();
            values.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
            return new Params(Collections.unmodifiableMap(frozen));
        }
    }
}
