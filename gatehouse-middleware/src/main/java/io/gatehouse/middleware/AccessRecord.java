package io.gatehouse.middleware;

import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One finished exchange as the access log sees it. The environ is read when the line is written,
 * so an address set by {@link ForwardedHeaders} inside the access log is the one logged.
 *
 * @param environ the request
 * @param status  the status line the application gave last, or {@code null} when it gave none
 * @param headers the response header fields
 * @param bytes   the body bytes the application produced
 * @param started when the request reached the access log
 * @param ended   when the server closed the body (or the application failed)
 */
record AccessRecord(Environ environ, String status, List<Header> headers, long bytes, Instant started,
                    Instant ended) {

    /** @return the three-digit status code, or {@code null} */
    String statusCode() {
        return status == null || status.length() < 3 ? null : status.substring(0, 3);
    }

    Duration duration() {
        return Duration.between(started, ended);
    }

    /** @return the request target as sent, rebuilt from the CGI variables when the server gave none */
    String requestUri() {
        String uri = environ.getString(Environ.REQUEST_URI);
        if (uri != null) {
            return uri;
        }
        String query = environ.queryString();
        return environ.scriptName() + environ.pathInfo() + (query.isEmpty() ? "" : "?" + query);
    }

    /** @return the path part of {@link #requestUri()} */
    String path() {
        String uri = requestUri();
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    /** @return the request line: method, target and protocol */
    String requestLine() {
        return environ.requestMethod() + " " + requestUri() + " " + environ.serverProtocol();
    }

    /** @return the response header's values joined with ", ", or {@code null} */
    String responseHeader(String name) {
        String joined = headers.stream().filter(h -> h.is(name)).map(Header::value)
            .collect(Collectors.joining(", "));
        return joined.isEmpty() && headers.stream().noneMatch(h -> h.is(name)) ? null : joined;
    }

    /** @return an environ value in text form, or {@code null} */
    String environValue(String key) {
        Object value = environ.get(key);
        return value == null ? null : value.toString();
    }
}
