package io.gatehouse.servlet;

import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.Set;

/**
 * The start_response side of one request in a servlet container: keeps the status and headers
 * until the body's first non-empty chunk (or its end), then sets them on the
 * {@link HttpServletResponse}, following the gateway spec's rules for calls with {@code excInfo}.
 */
final class ServletExchange implements StartResponse {

    // The container frames the message itself (RFC 9110, 7.6.1: hop-by-hop fields).
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
        "trailer", "upgrade", "proxy-connection");

    private final HttpServletResponse response;
    private String status;
    private List<Header> headers;
    private boolean committed;

    ServletExchange(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void start(String status, List<Header> headers, Throwable excInfo) {
        if (excInfo != null) {
            if (committed) {
                throw new ResponseAbort(excInfo); // too late to change: the container aborts the response
            }
        } else if (this.status != null) {
            throw new IllegalStateException("start_response called twice without excInfo");
        }
        if (status == null || status.length() < 3 || !status.substring(0, 3).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("status must start with three digits: " + status);
        }
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    /** Sets the status and headers on the servlet response, once. */
    void commit() {
        if (committed) {
            return;
        }
        if (status == null) {
            throw new IllegalStateException("the body produced output before start_response was called");
        }
        committed = true;
        response.setStatus(Integer.parseInt(status.substring(0, 3)));
        for (Header header : headers) {
            String lower = header.name().toLowerCase(java.util.Locale.ROOT);
            if (HOP_BY_HOP.contains(lower)) {
                continue;
            }
            if (lower.equals("content-length")) {
                response.setContentLengthLong(Long.parseLong(header.value()));
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
    }

    boolean committed() {
        return committed;
    }

    /** Thrown when an application reports an error after the headers went out. */
    static final class ResponseAbort extends RuntimeException {
        ResponseAbort(Throwable cause) {
            super("the application failed after the response started", cause);
        }
    }
}
