package io.gatehouse.server;

import io.gatehouse.http.Tokens;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code start_response} of one request (docs/spec.md, section 6): records status and headers
 * until they go out, checks them when they are given (a bad one throws, which the server answers
 * with 500: response splitting never reaches the wire), and enforces the calling rules.
 */
final class ResponseStart implements StartResponse {

    private final ServerConfig config;
    private String status;
    private int statusCode;
    private List<Header> headers;
    private long contentLength;
    private boolean serverHeader;
    private boolean sent;

    ResponseStart(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void start(String newStatus, List<Header> newHeaders, Throwable excInfo) {
        if (sent) {
            if (excInfo == null) {
                throw new IllegalStateException("start_response called again after the headers were sent");
            }
            // docs/spec.md 6.4: too late to change anything; the failure travels up and aborts.
            if (excInfo instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (excInfo instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("application failed after the headers were sent", excInfo);
        }
        if (status != null && excInfo == null) {
            throw new IllegalStateException("start_response called twice without excInfo");
        }
        int code = statusCode(newStatus);
        long length = -1;
        boolean server = false;
        List<Header> kept = newHeaders;
        for (int i = 0; i < newHeaders.size(); i++) {
            Header header = newHeaders.get(i);
            String name = header.name();
            if (!Tokens.isFieldName(name)) {
                throw new IllegalArgumentException("response header name is not a token: " + visible(name));
            }
            if (!Tokens.isFieldValue(header.value())) {
                throw new IllegalArgumentException("response header " + name
                    + " has a value with control characters, characters above U+00FF or surrounding whitespace: "
                    + visible(header.value()));
            }
            if (HopByHop.is(name)) {
                // Choice documented in the README: dropped and logged, since framing is ours (8.1).
                config.log(LogLevel.WARNING, "dropped hop-by-hop response header " + name + " set by the application");
                if (kept == newHeaders) {
                    kept = new ArrayList<>(newHeaders.subList(0, i));
                }
                continue;
            }
            if (name.length() == 14 && name.equalsIgnoreCase("Content-Length")) {
                length = contentLength(header.value(), length);
            } else if (name.length() == 6 && name.equalsIgnoreCase("Server")) {
                server = true;
            }
            if (kept != newHeaders) {
                kept.add(header);
            }
        }
        status = newStatus;
        statusCode = code;
        headers = kept;
        contentLength = length;
        serverHeader = server;
    }

    private static int statusCode(String status) {
        // docs/spec.md 6.1: three digits from 100 to 599, one space, a non-empty reason.
        if (status == null || status.length() < 5 || status.charAt(3) != ' ' || !Tokens.isFieldValue(status)) {
            throw new IllegalArgumentException("status must be three digits, a space and a reason: "
                + (status == null ? "null" : visible(status)));
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("status must start with three digits: " + visible(status));
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("status code outside 100 to 599: " + visible(status));
        }
        return code;
    }

    private static long contentLength(String value, long previous) {
        if (value.isEmpty() || value.length() > 18) {
            throw new IllegalArgumentException("Content-Length must be decimal digits: " + value);
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Content-Length must be decimal digits: " + visible(value));
            }
            length = length * 10 + (c - '0');
        }
        if (previous >= 0) {
            throw new IllegalArgumentException("Content-Length given twice");
        }
        return length;
    }

    /** Shows control characters as escapes, so a log line cannot be split either. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    boolean started() {
        return status != null;
    }

    String status() {
        return status;
    }

    int statusCode() {
        return statusCode;
    }

    List<Header> headers() {
        return headers;
    }

    /** @return the Content-Length the application gave, or -1 */
    long contentLength() {
        return contentLength;
    }

    boolean hasServerHeader() {
        return serverHeader;
    }

    void markSent() {
        sent = true;
    }

    boolean sent() {
        return sent;
    }

    /** The hop-by-hop fields of docs/spec.md section 6.2. */
    static final class HopByHop {

        private HopByHop() {
        }

        static boolean is(String name) {
            return switch (name.length()) {
                case 2 -> name.equalsIgnoreCase("TE");
                case 7 -> name.equalsIgnoreCase("Trailer") || name.equalsIgnoreCase("Upgrade");
                case 10 -> name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive");
                case 16 -> name.equalsIgnoreCase("Proxy-Connection");
                case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
                default -> false;
            };
        }
    }
}
