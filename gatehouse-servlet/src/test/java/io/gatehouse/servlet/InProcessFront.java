package io.gatehouse.servlet;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestRequest;
import io.gatehouse.testing.TestResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The application called in process through {@link TestClient}: the reference answers. */
final class InProcessFront implements Front {

    private final TestClient client;

    InProcessFront(Application application) {
        this.client = TestClient.of(application);
    }

    @Override
    public Seen send(String method, String path, String contentType, String body, String cookie) {
        client.clearCookies(); // the script carries the cookie itself, as for the other fronts
        TestRequest request = client.request(method, path);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        TestResponse response = request.send();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            headers.computeIfAbsent(header.name(), n -> new ArrayList<>()).add(header.value());
        }
        return Seen.of(response.status(), headers, response.text());
    }

    @Override
    public void close() {
    }
}
