package io.gatehouse.web;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Content-Type} or {@code Content-Disposition} value (RFC 9110, section 8.3.1):
 * the main value in lower case, and parameters with case-insensitive names, quotes removed.
 *
 * {@snippet :
 * MediaType type = MediaType.parse("multipart/form-data; boundary=\"a b\"");
 * type.value();                   // "multipart/form-data"
 * type.parameter("Boundary");     // "a b"
 * }
 *
 * @param value      the type, such as {@code "text/html"}, or the disposition, such as {@code "form-data"}
 * @param parameters parameter values by lower-case name
 */
public record MediaType(String value, Map<String, String> parameters) {

    /** Copies the parameters. */
    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a header value; never fails: a malformed parameter is skipped.
     *
     * @param header the header value, or {@code null}
     * @return the parsed value ({@code value} empty for a {@code null} header)
     */
    public static MediaType parse(String header) {
        if (header == null) {
            return new MediaType("", Map.of());
        }
        int semicolon = header.indexOf(';');
        String value = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = header.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder text = new StringBuilder();
            int j = equals + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                // quoted-string with quoted-pair escapes (RFC 9110, section 5.6.4)
                for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
                    if (header.charAt(j) == '\\' && j + 1 < header.length()) {
                        j++;
                    }
                    text.append(header.charAt(j));
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                text.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            parameters.putIfAbsent(name, text.toString().trim());
            i = j < 0 ? header.length() : j + 1;
        }
        return new MediaType(value, parameters);
    }

    /**
     * @param name a parameter name, any case
     * @return its value, or {@code null}
     */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @param fallback the charset to use when none is named or the name is unknown
     * @return the {@code charset} parameter as a charset
     */
    public Charset charset(Charset fallback) {
        String name = parameter("charset");
        if (name == null) {
            return fallback;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    /** @return whether this is JSON: {@code application/json} or any {@code +json} type */
    public boolean isJson() {
        return value.equals("application/json") || (value.startsWith("application/") && value.endsWith("+json"));
    }
}
