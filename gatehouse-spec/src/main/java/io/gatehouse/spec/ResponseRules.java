package io.gatehouse.spec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The application's side of start_response (docs/spec.md, "start_response"): the status line and
 * the header fields it hands the server.
 */
final class ResponseRules {

    /** Hop-by-hop fields (RFC 9110, 7.6.1; RFC 9112, 6.1 and 7): the server's business. */
    static final Set<String> HOP_BY_HOP = Set.of(
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private ResponseRules() {
    }

    /**
     * Checks a status line and returns its code.
     *
     * @throws GatewayViolation unless it is three digits from 100 to 599, a space and a reason phrase
     */
    static int status(String status) {
        if (status == null) {
            throw GatewayViolation.byApplication("start_response status is null");
        }
        // RFC 9110, 15: a three-digit code, 100 to 599; RFC 9112, 4: SP, then the reason phrase.
        boolean shaped = status.length() >= 5 && status.charAt(3) == ' '
            && status.charAt(0) >= '1' && status.charAt(0) <= '5'
            && Character.isDigit(status.charAt(1)) && Character.isDigit(status.charAt(2))
            && !status.substring(4).isBlank();
        if (!shaped) {
            throw GatewayViolation.byApplication("status \"" + status
                + "\" is not \"NNN Reason\" (three digits 100-599, one space, a reason phrase)");
        }
        if (Tokens.firstBadValueChar(status) >= 0) {
            throw GatewayViolation.byApplication("status \"" + status.replace("\r", "\\r").replace("\n", "\\n")
                + "\" holds a control character (RFC 9112, 4)");
        }
        return Integer.parseInt(status.substring(0, 3));
    }

    /**
     * Checks header fields as an application hands them over (final or early-hint responses).
     *
     * @throws GatewayViolation for a null list or field, a name that is no token, a value with a
     *                          control character or outside ISO-8859-1, a hop-by-hop field or Status
     */
    static void headers(List<Header> headers, String where) {
        if (headers == null) {
            throw GatewayViolation.byApplication(where + " headers are null; pass List.of() for none");
        }
        for (Header header : headers) {
            if (header == null) {
                throw GatewayViolation.byApplication(where + " headers hold a null entry");
            }
            String name = header.name();
            if (!Tokens.isToken(name)) {
                throw GatewayViolation.byApplication("header name \"" + visible(name) + "\" is not a token (RFC 9110, 5.1)");
            }
            String value = header.value();
            int bad = Tokens.firstBadValueChar(value);
            if (bad >= 0) {
                throw GatewayViolation.byApplication("header " + name + " value \"" + visible(value)
                    + "\" holds a character the wire cannot carry at index " + bad
                    + " (CR, LF, NUL and other controls, or beyond ISO-8859-1; RFC 9110, 5.5)");
            }
            if (!value.equals(value.strip())) {
                throw GatewayViolation.byApplication("header " + name + " value \"" + value
                    + "\" has leading or trailing whitespace (RFC 9110, 5.5)");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower)) {
                throw GatewayViolation.byApplication("header " + name
                    + " is hop-by-hop; framing and connection fields are the server's business");
            }
            if (lower.equals("status")) {
                throw GatewayViolation.byApplication("a Status header is a CGI convention; pass the status to start_response");
            }
        }
    }

    /**
     * The declared Content-Length, or -1.
     *
     * @throws GatewayViolation for more than one field, a non-numeric value, or one on 1xx and 204
     */
    static long contentLength(List<Header> headers, int code) {
        long length = -1;
        for (Header header : headers) {
            if (header.is("Content-Length")) {
                if (length >= 0) {
                    throw GatewayViolation.byApplication("more than one Content-Length header");
                }
                String value = header.value();
                if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw GatewayViolation.byApplication("Content-Length \"" + value + "\" is not decimal digits (RFC 9110, 8.6)");
                }
                length = Long.parseLong(value);
            }
        }
        if (length >= 0 && (code < 200 || code == 204)) {
            throw GatewayViolation.byApplication("a " + code + " response must not have Content-Length (RFC 9110, 8.6)");
        }
        return length;
    }

    /** RFC 9110, 6.4.1: 1xx, 204 and 304 responses have no content. */
    static boolean mustBeEmpty(int code) {
        return code < 200 || code == 204 || code == 304;
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
