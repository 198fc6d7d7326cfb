package io.gatehouse.testing;

import io.gatehouse.spec.Environ;
import io.gatehouse.spec.FileWrapper;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.Trailers;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request being built by a {@link TestClient}; {@link #send()} runs it.
 *
 * {@snippet :
 * TestResponse r = client.post("/app/upload")
 *     .scriptName("/app")                          // mounted at /app: PATH_INFO is "/upload"
 *     .contentType("text/plain")
 *     .body("hello")
 *     .header("X-Trace", "abc")
 *     .environ("REMOTE_ADDR", "10.0.0.7")
 *     .send();
 * }
 *
 * <p>The environ is built as a compliant server builds it: every required key, {@code HTTP_*} keys
 * for the headers (repeated fields joined by {@code ", "}, Cookie by {@code "; "}; names with an
 * underscore dropped), {@code CONTENT_TYPE}/{@code CONTENT_LENGTH} without the prefix,
 * {@code SERVER_NAME} {@code localhost}, {@code SERVER_PORT} {@code 80} and scheme {@code http}
 * unless the target is an absolute URL (or a {@code Host} header says otherwise), and the body as a {@link java.io.ByteArrayInputStream}.
 */
public final class TestRequest {

    private final TestClient client;
    private final String method;
    private final RequestTarget target;
    private final List<Header> headers = new ArrayList<>();
    private final List<Header> trailers = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private byte[] body;
    private boolean chunked;
    private String scriptName = "";

    TestRequest(TestClient client, String method, String target) {
        this.client = client;
        this.method = Objects.requireNonNull(method, "method");
        this.target = RequestTarget.parse(Objects.requireNonNull(target, "target"));
    }

    /**
     * Adds a request header; call again with the same name for a repeated field.
     *
     * @param name  the field name
     * @param value the field value
     * @return this request
     */
    public TestRequest header(String name, String value) {
        headers.add(Header.of(name, value));
        return this;
    }

    /**
     * Sets the request body; {@code CONTENT_LENGTH} is its length (unless {@link #chunked()}).
     *
     * @param bytes the body, not copied
     * @return this request
     */
    public TestRequest body(byte[] bytes) {
        this.body = Objects.requireNonNull(bytes, "bytes");
        return this;
    }

    /**
     * Sets the request body as UTF-8 text.
     *
     * @param text the body
     * @return this request
     */
    public TestRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the {@code Content-Type} of the request.
     *
     * @param contentType for example {@code "application/json"}
     * @return this request
     */
    public TestRequest contentType(String contentType) {
        return header("Content-Type", contentType);
    }

    /**
     * Sends the body as if with chunked coding: no {@code CONTENT_LENGTH}, a
     * {@code Transfer-Encoding: chunked} header, and the input ending at the body's end.
     *
     * @return this request
     */
    public TestRequest chunked() {
        this.chunked = true;
        return this;
    }

    /**
     * Adds a request trailer field, seen by the application in {@code gateway.input_trailers} once it
     * has read the body to its end; implies {@link #chunked()}.
     *
     * @param name  the field name
     * @param value the field value
     * @return this request
     */
    public TestRequest trailer(String name, String value) {
        trailers.add(Header.of(name, value));
        return chunked();
    }

    /**
     * Sets where the application is mounted: the target's path must start with it (on a segment
     * boundary); it becomes {@code SCRIPT_NAME} and the rest {@code PATH_INFO}.
     *
     * @param scriptName empty, or a path starting with '/' and not ending with '/'
     * @return this request
     */
    public TestRequest scriptName(String scriptName) {
        if (!scriptName.isEmpty() && (!scriptName.startsWith("/") || scriptName.endsWith("/"))) {
            throw new IllegalArgumentException("scriptName must be empty or start with '/' and not end with '/': "
                + scriptName);
        }
        this.scriptName = scriptName;
        return this;
    }

    /**
     * Sets (or replaces) an environ entry after the client has built the rest, for example
     * {@code REMOTE_ADDR}, {@code gateway.url_scheme} or an extension key.
     *
     * @param key   the key
     * @param value the value
     * @return this request
     */
    public TestRequest environ(String key, Object value) {
        extra.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /**
     * Runs the request through the application and collects the response.
     *
     * @return the response
     * @throws ApplicationFailure when the application threw a checked exception; unchecked ones and
     *                            errors (such as a {@code GatewayViolation}) propagate unchanged
     */
    public TestResponse send() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Environ environ = environ(new PrintStream(errors, true, StandardCharsets.UTF_8));
        CookieJar jar = client.cookieJar();
        TestResponse response = new Exchange(environ, errors, "HEAD".equals(method)).run(client.application());
        for (String setCookie : response.headers("Set-Cookie")) {
            jar.store(target.host(), target.rawPath(), setCookie);
        }
        return response;
    }

    private Environ environ(PrintStream errors) {
        Environ environ = new Environ();
        RequestInput input = new RequestInput(body == null ? new byte[0] : body);
        String path = target.decodedPath();
        if (!path.equals(scriptName) && !path.startsWith(scriptName + "/")) {
            throw new IllegalArgumentException("path " + path + " is not under scriptName " + scriptName);
        }
        environ.put(Environ.REQUEST_METHOD, method)
            .put(Environ.SCRIPT_NAME, scriptName)
            .put(Environ.PATH_INFO, path.substring(scriptName.length()))
            .put(Environ.QUERY_STRING, target.query())
            .put(Environ.REQUEST_URI, target.requestUri())
            .put(Environ.SERVER_NAME, serverName())
            .put(Environ.SERVER_PORT, serverPort())
            .put(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .put(Environ.SERVER_SOFTWARE, "Gatehouse-TestClient")
            .put(Environ.GATEWAY_INTERFACE, "CGI/1.1")
            .put(Environ.REMOTE_ADDR, "127.0.0.1")
            .put(Environ.REMOTE_PORT, "50000")
            .put(Environ.GATEWAY_VERSION, Environ.VERSION)
            .put(Environ.GATEWAY_URL_SCHEME, target.scheme())
            .put(Environ.GATEWAY_INPUT, input)
            .put(Environ.GATEWAY_ERRORS, errors)
            .put(Environ.GATEWAY_MULTITHREAD, Boolean.FALSE)
            .put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE)
            .put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE)
            .put(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.DEFAULT);
        List<Header> trailerFields = List.copyOf(trailers);
        environ.put(Environ.GATEWAY_INPUT_TRAILERS, (Trailers) () -> input.ended() ? trailerFields : List.of());
        putHeaders(environ);
        environ.asMap().putAll(extra);
        return environ;
    }

    /** @return the Host header the test gave, or {@code null} */
    private String explicitHost() {
        return headers.stream().filter(h -> h.is("Host")).map(Header::value).findFirst().orElse(null);
    }

    // A server takes SERVER_NAME and SERVER_PORT from Host when there is one (docs/spec.md, 4.1).
    private String serverName() {
        String host = explicitHost();
        if (host == null) {
            return target.host();
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private String serverPort() {
        String host = explicitHost();
        if (host == null) {
            return String.valueOf(target.port());
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(colon + 1)
            : target.scheme().equals("https") ? "443" : "80";
    }

    private void putHeaders(Environ environ) {
        List<Header> all = new ArrayList<>();
        if (explicitHost() == null) {
            all.add(Header.of("Host", target.hostHeader()));
        }
        all.addAll(headers);
        String cookies = client.cookieJar().header(target.host(), target.rawPath(), target.scheme().equals("https"));
        if (cookies != null) {
            all.add(Header.of("Cookie", cookies));
        }
        if (chunked) {
            all.add(Header.of("Transfer-Encoding", "chunked"));
        } else if (body != null && headers.stream().noneMatch(h -> h.is("Content-Length"))) {
            all.add(Header.of("Content-Length", String.valueOf(body.length)));
        }
        for (Header header : all) {
            if (header.name().indexOf('_') >= 0) {
                continue; // servers drop these: HTTP_X_A could have been X-A or X_A (spec: "Request headers")
            }
            String key = switch (header.name().toLowerCase(java.util.Locale.ROOT)) {
                case "content-type" -> Environ.CONTENT_TYPE;
                case "content-length" -> Environ.CONTENT_LENGTH;
                default -> Environ.headerKey(header.name());
            };
            String separator = header.is("Cookie") ? "; " : ", ";
            Object earlier = environ.get(key);
            environ.put(key, earlier == null ? header.value() : earlier + separator + header.value());
        }
    }
}
