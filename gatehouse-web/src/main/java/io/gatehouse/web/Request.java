package io.gatehouse.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.spec.Environ;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed view of one request's {@link Environ}, parsed lazily: nothing is read or decoded until a
 * view asks for it, and each part is parsed once.
 *
 * {@snippet :
 * String q = request.query("q");                       // first value, or null
 * List<String> tags = request.queryParams().all("tag");
 * String lang = request.header("accept-language");     // any case
 * String theme = request.cookie("theme");
 * Params form = request.form();                        // urlencoded or multipart fields
 * Upload photo = request.file("photo");                // multipart file, maybe on disk
 * NewNote note = request.json(NewNote.class);          // 400 on malformed JSON, 415 on a non-JSON type
 * int id = request.param("id", Integer.class);         // from the route's {id:int}
 * }
 *
 * <p>{@link #remoteAddr()} and {@link #scheme()} are what the server put in the environ: a server
 * configured to trust a proxy ({@code forwarded-allow-ips}), or the {@code ForwardedHeaders}
 * middleware, has already replaced them with the forwarded values, so the framework never reads
 * {@code X-Forwarded-*} itself.
 */
public final class Request {

    private final Environ environ;
    private final Dispatcher dispatcher;
    private Map<String, Object> params = Map.of();
    private Params query;
    private Map<String, String> cookies;
    private final RequestBody body;
    private Session session;
    private Map<String, Object> attributes;

    Request(Environ environ, Dispatcher dispatcher) {
        this.environ = Objects.requireNonNull(environ, "environ");
        this.dispatcher = dispatcher;
        this.body = new RequestBody(environ, dispatcher.limits());
    }

    /**
     * A request outside any application (no routes, sessions or templates), for tests and middleware.
     *
     * @param environ the environ
     * @return the request
     */
    public static Request of(Environ environ) {
        return new Request(environ, Dispatcher.standalone());
    }

    /** @return the environ this request reads (its own for this call) */
    public Environ environ() {
        return environ;
    }

    /** @return the method, such as {@code "GET"} */
    public String method() {
        return environ.requestMethod();
    }

    /** @return where the application is mounted ({@code SCRIPT_NAME}), empty at the root */
    public String scriptName() {
        return environ.scriptName();
    }

    /** @return the path inside the application ({@code PATH_INFO}), decoded */
    public String pathInfo() {
        return environ.pathInfo();
    }

    /** @return the full decoded path: {@code SCRIPT_NAME + PATH_INFO} */
    public String path() {
        String path = environ.scriptName() + environ.pathInfo();
        return path.isEmpty() ? "/" : path;
    }

    /** @return the query string as sent, not decoded */
    public String queryString() {
        return environ.queryString();
    }

    /** @return the query parameters */
    public Params queryParams() {
        if (query == null) {
            query = Params.parse(environ.queryString());
        }
        return query;
    }

    /** @param name a query parameter @return its first value, or {@code null} */
    public String query(String name) {
        return queryParams().get(name);
    }

    /** @param name a header name, any case @return its value (repeated fields joined by ", "), or {@code null} */
    public String header(String name) {
        return environ.header(name);
    }

    /** @return the request header fields by name as the client likely wrote them ({@code Accept-Language}) */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String key : environ.keys()) {
            if (key.startsWith("HTTP_")) {
                headers.put(fieldName(key.substring(5)), environ.getString(key));
            }
        }
        if (environ.contentType() != null) {
            headers.put("Content-Type", environ.contentType());
        }
        if (environ.getString(Environ.CONTENT_LENGTH) != null) {
            headers.put("Content-Length", environ.getString(Environ.CONTENT_LENGTH));
        }
        return headers;
    }

    private static String fieldName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        boolean upper = true;
        for (char c : key.toCharArray()) {
            name.append(c == '_' ? '-' : upper ? c : Character.toLowerCase(c));
            upper = c == '_';
        }
        return name.toString();
    }

    /** @param name a cookie name @return its value, or {@code null} */
    public String cookie(String name) {
        return cookies().get(name);
    }

    /** @return the request's cookies; for a name sent twice, the first wins (RFC 6265, 5.4) */
    public Map<String, String> cookies() {
        if (cookies == null) {
            cookies = CookieHeader.parse(environ.header("Cookie"));
        }
        return cookies;
    }

    /** @return the {@code Content-Type} parsed, empty when absent */
    public MediaType contentType() {
        return MediaType.parse(environ.contentType());
    }

    /**
     * The body, read into memory once.
     *
     * @return the bytes
     * @throws HttpError 413 when the body is larger than {@link Limits#maxBodyBytes()}
     * @throws IOException when reading fails
     */
    public byte[] bytes() throws IOException {
        return body.bytes();
    }

    /** @return the body as text, decoded with the {@code Content-Type} charset (UTF-8 when none) @throws IOException when reading fails */
    public String text() throws IOException {
        return new String(bytes(), contentType().charset(StandardCharsets.UTF_8));
    }

    /**
     * The body as a stream, for bodies too large to hold; not read by the framework.
     *
     * @return the stream (the bytes already read, if a parsing method ran first)
     */
    public InputStream stream() {
        return body.stream();
    }

    /**
     * The form fields of an {@code application/x-www-form-urlencoded} or {@code multipart/form-data}
     * body; empty for any other type.
     *
     * @return the fields
     * @throws IOException when reading fails
     */
    public Params form() throws IOException {
        return body.form(contentType());
    }

    /** @param name a form field @return its first value, or {@code null} @throws IOException when reading fails */
    public String form(String name) throws IOException {
        return form().get(name);
    }

    /** @return the uploaded files by field name @throws IOException when reading fails */
    public Map<String, List<Upload>> files() throws IOException {
        return body.files(contentType());
    }

    /** @param name a file field @return its first file, or {@code null} @throws IOException when reading fails */
    public Upload file(String name) throws IOException {
        List<Upload> uploads = files().get(name);
        return uploads == null ? null : uploads.getFirst();
    }

    /**
     * The body as a JSON tree.
     *
     * @return the tree
     * @throws HttpError 415 when the type is not JSON, 400 when the JSON is malformed
     * @throws IOException when reading fails
     */
    public JsonNode json() throws IOException {
        return json(JsonNode.class);
    }

    /**
     * The body as JSON bound to a type (a record, a bean, a {@code Map}) with Jackson.
     *
     * @param type the target type
     * @param <T>  the type
     * @return the value
     * @throws HttpError 415 when the type is not JSON, 400 when the JSON does not fit
     * @throws IOException when reading fails
     */
    public <T> T json(Class<T> type) throws IOException {
        if (!contentType().isJson()) {
            throw new HttpError(415, "expected application/json");
        }
        try {
            T value = Json.MAPPER.readValue(bytes(), type);
            if (value == null) {
                throw new HttpError(400, "the JSON body is empty or null");
            }
            return value;
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** @return the client's address ({@code REMOTE_ADDR}) */
    public String remoteAddr() {
        return environ.remoteAddr();
    }

    /** @return {@code "http"} or {@code "https"} */
    public String scheme() {
        return environ.urlScheme();
    }

    /** @return the host the request was for: the {@code Host} field, else {@code SERVER_NAME:SERVER_PORT} */
    public String host() {
        String host = environ.header("Host");
        if (host != null && !host.isEmpty()) {
            return host;
        }
        boolean defaultPort = ("http".equals(scheme()) && "80".equals(environ.serverPort()))
            || ("https".equals(scheme()) && "443".equals(environ.serverPort()));
        return defaultPort ? environ.serverName() : environ.serverName() + ":" + environ.serverPort();
    }

    /** @return the absolute URL of this request, path percent-encoded */
    public String url() {
        String query = queryString();
        return scheme() + "://" + host() + PercentEncoding.encodePath(path()) + (query.isEmpty() ? "" : "?" + query);
    }

    /** @param name a route placeholder @return its converted value, or {@code null} */
    public Object param(String name) {
        return params.get(name);
    }

    /**
     * @param name a route placeholder
     * @param type the expected type, such as {@code Integer.class}
     * @param <T>  the type
     * @return the converted value
     */
    public <T> T param(String name, Class<T> type) {
        return type.cast(params.get(name));
    }

    /** @return the route placeholders' values */
    public Map<String, Object> params() {
        return params;
    }

    void params(Map<String, Object> values) {
        this.params = values;
    }

    /** @return a map for hooks and views to share values during this request (Flask's {@code g}) */
    public Map<String, Object> attributes() {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        return attributes;
    }

    /** @return the signed-cookie session, loaded on first use @throws IllegalStateException when no secret key is set */
    public Session session() {
        if (session == null) {
            session = dispatcher.sessions().load(this);
        }
        return session;
    }

    /** Deletes the upload files of this request; runs when the response has been made. */
    void deleteTemporaryFiles() {
        body.deleteTemporaryFiles();
    }

    Session loadedSession() {
        return session;
    }

    /**
     * The URL path of a named route, under this request's {@code SCRIPT_NAME}.
     *
     * @param name   the route name
     * @param params placeholder values; the rest become the query
     * @return such as {@code "/app/notes/7"}
     */
    public String urlFor(String name, Map<String, ?> params) {
        return PercentEncoding.encodePath(scriptName()) + dispatcher.router().path(name, params);
    }

    /** @param name a route without placeholders @return its URL path under {@code SCRIPT_NAME} */
    public String urlFor(String name) {
        return urlFor(name, Map.of());
    }

    /**
     * Renders a template of the application as an HTML response.
     *
     * @param template the template name
     * @param model    the variables; {@code request} and {@code session} are added
     * @return a {@code text/html} response
     */
    public Response render(String template, Map<String, ?> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.putIfAbsent("request", this);
        if (dispatcher.sessions().enabled()) {
            context.putIfAbsent("session", session());
        }
        return Response.html(dispatcher.templates().render(template, context));
    }

    @Override
    public String toString() {
        return "Request[" + method() + " " + path() + "]";
    }
}
