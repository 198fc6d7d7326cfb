package io.gatehouse.middleware;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A text access-log format: Apache's {@code %} syntax with Gunicorn's atoms. See {@link AccessLog}
 * for the list. Values from the request are escaped (quotes, backslashes, control and non-ASCII
 * characters as {@code \xhh}), so a client cannot forge a line or break a quoted field.
 */
final class AccessLogFormat {

    private static final DateTimeFormatter APACHE_TIME =
        DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ROOT);
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    private final List<Function<AccessRecord, String>> parts;

    private AccessLogFormat(List<Function<AccessRecord, String>> parts) {
        this.parts = parts;
    }

    /**
     * @throws IllegalArgumentException one line naming the unknown atom and its position
     */
    static AccessLogFormat parse(String format, ZoneId zone) {
        List<Function<AccessRecord, String>> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i++;
            String argument = null;
            if (i < format.length() && format.charAt(i) == '{') {
                int close = format.indexOf('}', i);
                if (close < 0) {
                    throw bad(format, start, "has '{' without '}'");
                }
                argument = format.substring(i + 1, close);
                i = close + 1;
            } else if (i < format.length() && format.charAt(i) == '>') {
                i++; // "%>s": the final status, which is the only status here
            }
            if (i >= format.length()) {
                throw bad(format, start, "ends in the middle of an atom");
            }
            char atom = format.charAt(i++);
            if (atom == '%' && argument == null) {
                literal.append('%');
                continue;
            }
            if (!literal.isEmpty()) {
                String text = literal.toString();
                parts.add(record -> text);
                literal.setLength(0);
            }
            parts.add(atom(atom, argument, zone, format, start));
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add(record -> text);
        }
        return new AccessLogFormat(List.copyOf(parts));
    }

    String format(AccessRecord record) {
        StringBuilder line = new StringBuilder(128);
        for (Function<AccessRecord, String> part : parts) {
            line.append(part.apply(record));
        }
        return line.toString();
    }

    private static Function<AccessRecord, String> atom(char atom, String argument, ZoneId zone, String format, int at) {
        if (argument != null) {
            return switch (atom) {
                case 'i' -> r -> text(r.environ().header(argument));
                case 'o' -> r -> text(r.responseHeader(argument));
                case 'e' -> r -> text(r.environValue(argument));
                default -> throw bad(format, at, "uses %{...}" + atom + "; only i, o and e take a name");
            };
        }
        return switch (atom) {
            case 'h' -> r -> text(r.environ().remoteAddr());
            case 'l' -> r -> "-";
            case 'u' -> r -> text(r.environValue("REMOTE_USER"));
            case 't' -> r -> APACHE_TIME.format(r.started().atZone(zone));
            case 'r' -> r -> text(r.requestLine());
            case 'm' -> r -> text(r.environ().requestMethod());
            case 'U' -> r -> text(r.path());
            case 'q' -> r -> text(r.environ().queryString());
            case 'H' -> r -> text(r.environ().serverProtocol());
            case 's' -> r -> text(r.statusCode());
            case 'b' -> r -> r.bytes() == 0 ? "-" : Long.toString(r.bytes());
            case 'B' -> r -> Long.toString(r.bytes());
            case 'f' -> r -> text(r.environ().header("Referer"));
            case 'a' -> r -> text(r.environ().header("User-Agent"));
            case 'T' -> r -> Long.toString(r.duration().toSeconds());
            case 'M' -> r -> Long.toString(r.duration().toMillis());
            case 'D' -> r -> Long.toString(r.duration().toNanos() / 1_000);
            case 'L' -> r -> decimalSeconds(r.duration().toNanos() / 1_000);
            case 'p' -> r -> PID;
            default -> throw bad(format, at, "uses the unknown atom %" + atom);
        };
    }

    static String decimalSeconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    /** A value for a text line: {@code -} when absent, escaped like Apache's mod_log_config. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (plain) {
                out.append(c);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c <= 0xFF) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? value : out.toString();
    }

    private static IllegalArgumentException bad(String format, int at, String problem) {
        return new IllegalArgumentException("access log format \"" + format + "\" " + problem + " at position " + at);
    }
}
