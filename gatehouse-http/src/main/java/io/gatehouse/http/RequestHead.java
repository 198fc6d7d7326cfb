package io.gatehouse.http;

import java.util.Arrays;

/**
 * A parsed request head: the request line, the fields in arrival order, and what the framing
 * fields mean (RFC 9112, section 6.3). Made by {@link RequestParser}; the strings are ISO-8859-1
 * decodings of the wire bytes, so nothing is lost.
 *
 * {@snippet :
 * RequestHead head = parser.head();
 * head.method();          // "GET"
 * head.field("Accept");   // first value or null
 * head.keepAlive();       // whether the connection may serve another request
 * }
 */
public final class RequestHead {

    private final String method;
    private final String target;
    private final int minorVersion;
    private String[] names = new String[12];
    private String[] values = new String[12];
    private int count;
    long contentLength;
    boolean chunked;
    boolean keepAlive;
    boolean expectContinue;
    int hostCount;
    String host;

    RequestHead(String method, String target, int minorVersion) {
        this.method = method;
        this.target = target;
        this.minorVersion = minorVersion;
    }

    void add(String name, String value) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count] = value;
        count++;
    }

    /** @return the method, case as sent */
    public String method() {
        return method;
    }

    /** @return the request target exactly as on the request line */
    public String target() {
        return target;
    }

    /** @return {@code "HTTP/1.1"} or {@code "HTTP/1.0"} */
    public String version() {
        return minorVersion == 1 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /** @return 1 for HTTP/1.1, 0 for HTTP/1.0 */
    public int minorVersion() {
        return minorVersion;
    }

    /** @return how many field lines the head had */
    public int fieldCount() {
        return count;
    }

    /** @param i index below {@link #fieldCount()} @return the field name, case as sent */
    public String name(int i) {
        return names[i];
    }

    /** @param i index below {@link #fieldCount()} @return the field value, trimmed */
    public String value(int i) {
        return values[i];
    }

    /** @param name a field name, any case @return its first value, or null */
    public String field(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** @return the body length from Content-Length, 0 for none, -1 when chunked */
    public long contentLength() {
        return contentLength;
    }

    /** @return whether the body is chunked */
    public boolean chunked() {
        return chunked;
    }

    /** @return whether a body follows the head */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** @return whether the client allows another request on this connection */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @return whether the client waits for {@code 100 Continue} before sending the body */
    public boolean expectContinue() {
        return expectContinue;
    }

    /** @return the Host value, or null when there was none (HTTP/1.0) */
    public String host() {
        return host;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(' ').append(version());
        for (int i = 0; i < count; i++) {
            text.append("\n").append(names[i]).append(": ").append(values[i]);
        }
        return text.toString();
    }
}
