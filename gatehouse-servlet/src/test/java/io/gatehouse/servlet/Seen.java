package io.gatehouse.servlet;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response reduced to what must not depend on the server: status, body, and the header fields the
 * application sets (not {@code Date}, {@code Server} or framing, which are the server's). Cookie
 * values are masked, since a signed session carries its signing time, and the optional whitespace
 * in {@code Content-Type} is dropped, since Jetty rewrites it.
 *
 * @param status  the status code
 * @param headers the compared fields, lower-case names, values in order
 * @param body    the body as text
 */
record Seen(int status, Map<String, List<String>> headers, String body) {

    static final List<String> COMPARED = List.of("content-type", "content-length", "location", "allow",
        "cache-control", "x-content-type-options", "set-cookie");

    static Seen of(int status, Map<String, List<String>> all, String body) {
        Map<String, List<String>> kept = new TreeMap<>();
        all.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (COMPARED.contains(lower)) {
                kept.put(lower, switch (lower) {
                    case "set-cookie" -> values.stream().map(Seen::maskValue).toList();
                    // Jetty writes "text/html;charset=utf-8": the same value, since the whitespace
                    // around ';' is optional (RFC 9110, 8.3.1).
                    case "content-type" -> values.stream().map(v -> v.replace("; ", ";")).toList();
                    default -> values;
                });
            }
        });
        return new Seen(status, kept, body);
    }

    /** {@code session=abc.123.sig; Path=/} becomes {@code session=…; Path=/}. */
    private static String maskValue(String setCookie) {
        int equals = setCookie.indexOf('=');
        int semicolon = setCookie.indexOf(';');
        return setCookie.substring(0, equals + 1) + (semicolon < 0 ? "…" : "…" + setCookie.substring(semicolon));
    }

    /** @return the session cookie's value to send back, or {@code null} */
    static String sessionCookie(Map<String, List<String>> all) {
        for (Map.Entry<String, List<String>> header : all.entrySet()) {
            if (header.getKey().equalsIgnoreCase("set-cookie")) {
                for (String value : header.getValue()) {
                    if (value.startsWith("session=")) {
                        return value.substring(0, value.indexOf(';'));
                    }
                }
            }
        }
        return null;
    }
}
