package io.gatehouse.middleware;

import java.time.format.DateTimeFormatter;
import java.time.ZoneId;

/**
 * The JSON-lines access-log format: one JSON object per request, on one line.
 *
 * <p>The object always has the same keys, in this order: {@code time} (ISO-8601 with offset, when
 * the request arrived), {@code remote_addr}, {@code remote_user}, {@code method}, {@code uri},
 * {@code protocol}, {@code status} (number), {@code bytes} (number), {@code duration_us}
 * (number, microseconds), {@code referer}, {@code user_agent}; a value that is absent is
 * {@code null}.
 *
 * <p>Why no JSON library: the middleware module depends on the spec only, and all this needs is
 * string escaping (RFC 8259, section 7), which {@link #quote} does in a few tested lines. A
 * library would be the module's first dependency, for one flat object of strings and numbers.
 */
final class JsonLine {

    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private JsonLine() {
    }

    static String format(AccessRecord record, ZoneId zone) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", ISO_TIME.format(record.started().atZone(zone)));
        field(json, "remote_addr", blankAsNull(record.environ().remoteAddr()));
        field(json, "remote_user", record.environValue("REMOTE_USER"));
        field(json, "method", record.environ().requestMethod());
        field(json, "uri", record.requestUri());
        field(json, "protocol", record.environ().serverProtocol());
        number(json, "status", record.statusCode());
        number(json, "bytes", Long.toString(record.bytes()));
        number(json, "duration_us", Long.toString(record.duration().toNanos() / 1_000));
        field(json, "referer", record.environ().header("Referer"));
        field(json, "user_agent", record.environ().header("User-Agent"));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    /**
     * A JSON string literal (RFC 8259, section 7): quotes, backslashes and control characters are
     * escaped, and so are unpaired surrogates, which could not be written as UTF-8.
     *
     * @param value any string
     * @return the value in double quotes
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || unpairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean unpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":").append(value == null ? "null" : quote(value)).append(',');
    }

    private static void number(StringBuilder json, String name, String digits) {
        json.append('"').append(name).append("\":").append(digits == null ? "null" : digits).append(',');
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
