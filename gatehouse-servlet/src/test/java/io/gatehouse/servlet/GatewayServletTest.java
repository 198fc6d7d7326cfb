package io.gatehouse.servlet;

import examples.notes.NoteStore;
import examples.notes.NotesApp;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.Validator;
import io.gatehouse.web.App;
import io.gatehouse.web.Response;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayServletTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(TIMEOUT).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theNotesAppRunsOnJetty() throws Exception {
        try (JettyHarness jetty = new JettyHarness(Validator.wrap(NotesApp.create(new NoteStore(), "servlet-test-key-0123456789")),
            "/", "/*")) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(jetty.uri("/notes"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=On+Jetty&body=hello")));
            assertEquals(303, created.statusCode());
            assertEquals("/notes/1", created.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> page = send(HttpRequest.newBuilder(jetty.uri("/notes/1")));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>On Jetty</h1>"), page.body());
            assertTrue(page.body().contains("Created “On Jetty”."), "the session cookie came back: " + page.body());
            HttpResponse<String> api = send(HttpRequest.newBuilder(jetty.uri("/api/notes/1")));
            assertEquals("{\"id\":1,\"title\":\"On Jetty\",\"body\":\"hello\"}", api.body());
            assertEquals("application/json", api.headers().firstValue("Content-Type").orElseThrow());
            HttpResponse<String> nope = send(HttpRequest.newBuilder(jetty.uri("/api/notes/1"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, nope.statusCode());
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", nope.headers().firstValue("Allow").orElseThrow());
        }
    }

    @Test
    void scriptNameIsTheContextPathPlusTheServletPath() throws Exception {
        App app = new App("echo").get("/{rest:path}", "echo", request -> Response.text(request.scriptName() + "|"
            + request.pathInfo() + "|" + request.query("q") + "|" + request.urlFor("echo", java.util.Map.of("rest", "x y"))));
        try (JettyHarness jetty = new JettyHarness(Validator.wrap(app.application()), "/ctx", "/app/*")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(jetty.uri("/ctx/app/a%20b/c?q=1")));
            assertEquals("/ctx/app|/a b/c|1|/ctx/app/x%20y", r.body());
        }
    }

    @Test
    void requestBodiesComeInAndStreamedBodiesGoOut() throws Exception {
        App app = new App("stream").post("/echo", request -> Response.stream(
            List.of("got ".getBytes(StandardCharsets.UTF_8), request.bytes()), "text/plain", null));
        try (JettyHarness jetty = new JettyHarness(Validator.wrap(app.application()), "/", "/*")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(jetty.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("payload")));
            assertEquals("got payload", r.body());
            assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "streamed: no length, the container frames it");
        }
    }

    @Test
    void headSendsHeadersWithoutTheBody() throws Exception {
        io.gatehouse.spec.Application hello = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain"), Header.of("Content-Length", "5")));
            return Body.of("hello");
        };
        try (JettyHarness jetty = new JettyHarness(hello, "/", "/*")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(jetty.uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, r.statusCode());
            assertEquals("5", r.headers().firstValue("Content-Length").orElseThrow());
            assertEquals("", r.body());
        }
    }

    @Test
    void anApplicationThatThrowsGetsA500() throws Exception {
        io.gatehouse.spec.Application broken = (environ, startResponse) -> {
            throw new IllegalStateException("broken");
        };
        try (JettyHarness jetty = new JettyHarness(broken, "/", "/*")) {
            assertEquals(500, send(HttpRequest.newBuilder(jetty.uri("/x"))).statusCode());
        }
    }

    @Test
    void applicationReferencesResolveOrFailWithOneLine() throws Exception {
        assertEquals(NotesApp.app, ApplicationReference.load("examples.notes.NotesApp:app"));
        assertEquals("no class nope.Missing (from nope.Missing:app)",
            org.junit.jupiter.api.Assertions.assertThrows(jakarta.servlet.ServletException.class,
                () -> ApplicationReference.load("nope.Missing:app")).getMessage());
        assertEquals("no public field examples.notes.NotesApp:nope",
            org.junit.jupiter.api.Assertions.assertThrows(jakarta.servlet.ServletException.class,
                () -> ApplicationReference.load("examples.notes.NotesApp:nope")).getMessage());
    }
}
