package io.gatehouse.testing;

import io.gatehouse.spec.Header;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

/**
 * The response a {@link TestClient} collected: status, headers in order, and the body bytes.
 *
 * {@snippet :
 * TestResponse r = client.get("/").send();
 * assertEquals(200, r.status());
 * assertEquals("200 OK", r.statusLine());
 * assertEquals("text/plain; charset=utf-8", r.header("content-type"));
 * assertEquals("Hello, World!\n", r.text());
 * }
 */
public final class TestResponse {

    private final String statusLine;
    private final List<Header> headers;
    private final byte[] body;
    private final List<List<Header>> earlyHints;
    private final String errors;

    TestResponse(String statusLine, List<Header> headers, byte[] body, List<List<Header>> earlyHints, String errors) {
        this.statusLine = statusLine;
        this.headers = headers;
        this.body = body;
        this.earlyHints = earlyHints;
        this.errors = errors;
    }

    /** @return the status code, such as {@code 404} */
    public int status() {
        return Integer.parseInt(statusLine.substring(0, 3));
    }

    /** @return the status as the application gave it, such as {@code "404 Not Found"} */
    public String statusLine() {
        return statusLine;
    }

    /**
     * @param name a field name, in any case
     * @return the first value of that field, or {@code null} when the response has none
     */
    public String header(String name) {
        for (Header header : headers) {
            if (header.is(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** @return every header field, in the order the application gave them */
    public List<Header> headers() {
        return headers;
    }

    /**
     * @param name a field name, in any case
     * @return every value of that field, in order; empty when there is none
     */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    /** @return the body bytes (empty for HEAD), a copy */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded with the charset of {@code Content-Type}, UTF-8 when it names none */
    public String text() {
        return new String(body, charset());
    }

    /** @return the fields of each 103 Early Hints response the application sent, in order */
    public List<List<Header>> earlyHints() {
        return earlyHints;
    }

    /** @return what the application wrote to {@code gateway.errors} during this request */
    public String errors() {
        return errors;
    }

    private Charset charset() {
        String type = header("Content-Type");
        if (type != null) {
            for (String parameter : type.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                    try {
                        return Charset.forName(pair[1].trim().replace("\"", ""));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return statusLine + " " + headers + " (" + body.length + " bytes)";
    }
}
