package io.gatehouse.testing;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Validator;

import java.util.Map;
import java.util.Objects;

/**
 * Calls a gateway {@link Application} in process, with no sockets, the way a server would: it builds
 * a complete environ, iterates the body (taking the status and headers at the first non-empty chunk
 * or at the end) and always closes it. The counterpart of werkzeug's {@code Client}.
 *
 * {@snippet :
 * TestClient client = TestClient.of(app);
 * TestResponse page = client.get("/search?q=gate").header("Accept", "text/html").send();
 * TestResponse created = client.post("/items").contentType("application/json").body("{\"a\":1}").send();
 * assertEquals(201, created.status());
 * }
 *
 * <p>{@link #of} runs the application under the spec's {@link Validator}, so a test fails loudly
 * when the application breaks the gateway spec. Cookies that responses set are kept and sent back
 * on later requests, like a browser would. If the application throws, {@link TestRequest#send()}
 * throws too (checked exceptions wrapped in {@link ApplicationFailure}): there is no server here to
 * turn it into a 500, so the test sees the real failure.
 *
 * <p>A client is meant for one test thread; it is not thread-safe.
 */
public final class TestClient {

    private final Application application;
    private final CookieJar cookies = new CookieJar();

    private TestClient(Application application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    /**
     * A client for the application, run under the spec's {@link Validator}.
     *
     * @param application the application under test
     * @return the client
     */
    public static TestClient of(Application application) {
        return new TestClient(Validator.wrap(application));
    }

    /**
     * A client for the application without the {@link Validator}, for the rare test that must see
     * what an application does when it breaks the spec (for example, testing the Validator itself).
     *
     * @param application the application under test
     * @return the client
     */
    public static TestClient withoutValidation(Application application) {
        return new TestClient(application);
    }

    /**
     * Starts a request with any method.
     *
     * @param method the request method, such as {@code "PATCH"}
     * @param target the request target: a path with an optional query ({@code "/a/b?x=1"}), or an
     *               absolute URL ({@code "https://example.com:8443/a"}) to set the scheme, host and port
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest request(String method, String target) {
        return new TestRequest(this, method, target);
    }

    /**
     * Starts a GET request.
     *
     * @param target the request target, as for {@link #request}
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest get(String target) {
        return request("GET", target);
    }

    /**
     * Starts a POST request.
     *
     * @param target the request target, as for {@link #request}
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest post(String target) {
        return request("POST", target);
    }

    /**
     * Starts a PUT request.
     *
     * @param target the request target, as for {@link #request}
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest put(String target) {
        return request("PUT", target);
    }

    /**
     * Starts a DELETE request.
     *
     * @param target the request target, as for {@link #request}
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest delete(String target) {
        return request("DELETE", target);
    }

    /**
     * Starts a HEAD request.
     *
     * @param target the request target, as for {@link #request}
     * @return a builder; finish with {@link TestRequest#send()}
     */
    public TestRequest head(String target) {
        return request("HEAD", target);
    }

    /**
     * A cookie the client holds, whatever its path.
     *
     * @param name the cookie name
     * @return its value, or {@code null} when the client holds none by that name
     */
    public String cookie(String name) {
        return cookies.value(name);
    }

    /** @return the cookies the client holds, by name (a snapshot) */
    public Map<String, String> cookies() {
        return cookies.snapshot();
    }

    /**
     * Sets a cookie as if a response had set it for the whole site.
     *
     * @param name  the cookie name
     * @param value the cookie value
     * @return this client
     */
    public TestClient setCookie(String name, String value) {
        cookies.store("localhost", "/", name + "=" + value);
        return this;
    }

    /**
     * Forgets every cookie.
     *
     * @return this client
     */
    public TestClient clearCookies() {
        cookies.clear();
        return this;
    }

    Application application() {
        return application;
    }

    CookieJar cookieJar() {
        return cookies;
    }
}
