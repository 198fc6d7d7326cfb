package io.gatehouse.middleware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The syntax of the RFC 7239 {@code Forwarded} field (section 4): a comma-separated list of
 * elements, each a {@code ;}-separated list of {@code name=value} pairs whose value is a token or a
 * quoted string. Parameter names are case-insensitive and appear at most once per element.
 *
 * <p>Spaces are allowed around {@code ,} (an HTTP list, RFC 9110 section 5.6.1) and, leniently,
 * around {@code ;}; empty list elements are skipped. Anything else makes the whole field invalid.
 */
final class ForwardedField {

    private final String text;
    private int position;

    private ForwardedField(String text) {
        this.text = text;
    }

    /**
     * @param value the field value
     * @return the elements in order, each a map from lower-case parameter name to unquoted value,
     *         or {@code null} when the value breaks the grammar
     */
    static List<Map<String, String>> parse(String value) {
        return new ForwardedField(value).elements();
    }

    private List<Map<String, String>> elements() {
        List<Map<String, String>> elements = new ArrayList<>();
        while (true) {
            skipSpaces();
            Map<String, String> element = new LinkedHashMap<>();
            while (position < text.length() && isTokenChar(text.charAt(position))) {
                String name = token().toLowerCase(Locale.ROOT);
                if (!take('=')) {
                    return null;
                }
                String value = position < text.length() && text.charAt(position) == '"' ? quoted() : token();
                // RFC 7239, 4: a parameter must not occur more than once per element.
                if (value == null || value.isEmpty() || element.put(name, value) != null) {
                    return null;
                }
                skipSpaces();
                if (!take(';')) {
                    break;
                }
                skipSpaces();
            }
            if (!element.isEmpty()) {
                elements.add(element);
            }
            skipSpaces();
            if (position == text.length()) {
                return elements;
            }
            if (!take(',')) {
                return null;
            }
        }
    }

    private String token() {
        int start = position;
        while (position < text.length() && isTokenChar(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    // RFC 9110, 5.6.4: quoted-string with backslash quoted-pairs.
    private String quoted() {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (position == text.length()) {
                    return null;
                }
                c = text.charAt(position++);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return null;
            }
            value.append(c);
        }
        return null;
    }

    private boolean take(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
    }

    // RFC 9110, 5.6.2: tchar.
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
