package io.gatehouse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP response that is itself a gateway {@link Application}: status, header fields, cookies and
 * a body of bytes, a stream of chunks, or a file.
 *
 * {@snippet :
 * return new Response("Hello world from Pyramid!\n").contentType("text/plain");
 * return Response.json(Map.of("id", 7)).status(201).header("Location", request.urlFor("note", Map.of("id", 7)));
 * return Response.redirect(request.urlFor("index"));                       // 303 See Other
 * return Response.file(Path.of("report.pdf"), "application/pdf");          // through gateway.file_wrapper
 * }
 *
 * <p>A text body gets {@code charset=utf-8} added to a {@code text/*} content type that names none.
 * {@code Content-Length} is set whenever the length is known; a streamed body goes without it, and
 * the server frames it.
 */
public final class Response implements Application {

    private int status = 200;
    private final List<Header> headers = new ArrayList<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private String contentType;
    private boolean textBody;
    private byte[] bytes;
    private Iterable<byte[]> chunks;
    private Closeable onClose;
    private Path file;

    /**
     * A {@code text/html; charset=utf-8} response, as Pyramid's and Flask's {@code Response(text)}.
     *
     * @param text the body, encoded as UTF-8
     */
    public Response(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.textBody = true;
        this.contentType = "text/html; charset=utf-8";
    }

    /**
     * A response of raw bytes.
     *
     * @param bytes       the body, not copied
     * @param contentType its type, or {@code null} for none
     */
    public Response(byte[] bytes, String contentType) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.contentType = contentType;
    }

    /** @param text the body @return a {@code text/plain; charset=utf-8} response */
    public static Response text(String text) {
        return new Response(text).contentType("text/plain");
    }

    /** @param html the body @return a {@code text/html; charset=utf-8} response */
    public static Response html(String html) {
        return new Response(html);
    }

    /**
     * A JSON response written with Jackson.
     *
     * @param value any value Jackson can write (maps, lists, records, beans)
     * @return an {@code application/json} response
     * @throws IllegalArgumentException when Jackson cannot write the value
     */
    public static Response json(Object value) {
        try {
            return new Response(Json.MAPPER.writeValueAsBytes(value), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                + e.getOriginalMessage(), e);
        }
    }

    /**
     * A redirect that makes the client GET the location: 303 See Other (RFC 9110, section 15.4.4).
     *
     * @param location the target URL or path
     * @return the response
     */
    public static Response redirect(String location) {
        return redirect(location, 303);
    }

    /**
     * @param location the target URL or path
     * @param status   301, 302, 303, 307 or 308
     * @return a redirect with that status
     */
    public static Response redirect(String location, int status) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("a redirect status is 3xx, got " + status);
        }
        return new Response(new byte[0], null).status(status).header("Location", location);
    }

    /**
     * A streamed body: chunks are produced while the server writes them; {@code onClose} always runs.
     *
     * @param chunks      the chunks, iterated once
     * @param contentType the type
     * @param onClose     what to release afterwards, or {@code null}
     * @return the response
     */
    public static Response stream(Iterable<byte[]> chunks, String contentType, Closeable onClose) {
        Response response = new Response(new byte[0], contentType);
        response.bytes = null;
        response.chunks = Objects.requireNonNull(chunks, "chunks");
        response.onClose = onClose;
        return response;
    }

    /**
     * A file, sent through the server's {@code gateway.file_wrapper} (zero copy where it can).
     * A missing file becomes a 404 when the response is sent.
     *
     * @param path        the file
     * @param contentType its type
     * @return the response
     */
    public static Response file(Path path, String contentType) {
        Response response = new Response(new byte[0], contentType);
        response.bytes = null;
        response.file = Objects.requireNonNull(path, "path");
        return response;
    }

    /** @return an empty 204 No Content response */
    public static Response noContent() {
        return new Response(new byte[0], null).status(204);
    }

    /** @param code the status code @return this response */
    public Response status(int code) {
        ReasonPhrase.statusLine(code); // checks the range
        this.status = code;
        return this;
    }

    /**
     * Sets the content type; for a text body, {@code charset=utf-8} is added to a {@code text/*}
     * type that names no charset.
     *
     * @param type the type, such as {@code "text/plain"}
     * @return this response
     */
    public Response contentType(String type) {
        boolean addCharset = textBody && type.startsWith("text/") && MediaType.parse(type).parameter("charset") == null;
        this.contentType = addCharset ? type + "; charset=utf-8" : type;
        return this;
    }

    /** Flask's name for {@link #contentType}. @param type the type @return this response */
    public Response mimetype(String type) {
        return contentType(type);
    }

    /**
     * Adds a header field (another value if one by that name is there).
     *
     * @param name  the field name
     * @param value the value
     * @return this response
     */
    public Response header(String name, String value) {
        if (name.equalsIgnoreCase("Content-Type")) {
            return contentType(value);
        }
        headers.add(Header.of(name, value));
        return this;
    }

    /** @param name the field name @param value the value @return this response, with others by that name removed */
    public Response setHeader(String name, String value) {
        headers.removeIf(h -> h.is(name));
        return header(name, value);
    }

    /** @param cookie a cookie to set @return this response */
    public Response cookie(Cookie cookie) {
        cookies.add(Objects.requireNonNull(cookie, "cookie"));
        return this;
    }

    /** @param name the cookie @param path its path @return this response, telling the client to forget it */
    public Response deleteCookie(String name, String path) {
        return cookie(Cookie.deletion(name, path));
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the content type, or {@code null} */
    public String contentType() {
        return contentType;
    }

    /** @param name a field name @return its first value, or {@code null} */
    public String header(String name) {
        if (name.equalsIgnoreCase("Content-Type")) {
            return contentType;
        }
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst().orElse(null);
    }

    /** @return the cookies set so far */
    public List<Cookie> cookies() {
        return List.copyOf(cookies);
    }

    /** @return the body bytes, or {@code null} for a streamed or file body */
    public byte[] bodyBytes() {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws IOException {
        List<Header> fields = new ArrayList<>();
        if (contentType != null) {
            fields.add(Header.of("Content-Type", contentType));
        }
        Body body = body(environ);
        // RFC 9110, 8.6: no Content-Length on 1xx and 204; 304 describes the selected representation.
        boolean mayHaveLength = status >= 200 && status != 204 && status != 304;
        if (mayHaveLength && body.length() >= 0 && headers.stream().noneMatch(h -> h.is("Content-Length"))) {
            fields.add(Header.of("Content-Length", Long.toString(body.length())));
        }
        fields.addAll(headers);
        for (Cookie cookie : cookies) {
            fields.add(Header.of("Set-Cookie", cookie.toHeaderValue()));
        }
        startResponse.start(ReasonPhrase.statusLine(status), fields);
        return body;
    }

    private Body body(Environ environ) throws IOException {
        if (file != null) {
            FileChannel channel;
            try {
                channel = FileChannel.open(file);
            } catch (NoSuchFileException e) {
                throw new HttpError(404, "no such file");
            }
            return environ.fileWrapper().wrap(channel, 0, Files.size(file));
        }
        if (chunks != null) {
            return Body.of(chunks, onClose == null ? () -> { } : onClose);
        }
        return Body.of(bytes);
    }
}
