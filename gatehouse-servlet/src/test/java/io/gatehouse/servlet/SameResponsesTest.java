package io.gatehouse.servlet;

import examples.notes.NoteStore;
import examples.notes.NotesApp;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Validator;
import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The portability promise: the notes service, sent the same script of requests in process, on
 * Jetty (through {@link GatewayServlet}) and on Gatehouse's own server, answers the same way:
 * status, body and the application's header fields.
 */
class SameResponsesTest {

    private static final String KEY = "same-responses-key-0123456789";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    /** One scripted request. */
    record Step(String method, String path, String contentType, String body) {
    }

    static final List<Step> SCRIPT = List.of(
        new Step("GET", "/", null, null),
        new Step("POST", "/notes", FORM, "title=Groceries+%26+more&body=milk%0Aeggs"),
        new Step("GET", "/notes/1", null, null),
        new Step("GET", "/notes/1", null, null),
        new Step("POST", "/notes", FORM, "title=+"),
        new Step("POST", "/name", FORM, "name=Ada"),
        new Step("GET", "/", null, null),
        new Step("POST", "/api/notes", JSON, "{\"title\":\"From the API\",\"body\":\"é ✓\"}"),
        new Step("GET", "/api/notes", null, null),
        new Step("PUT", "/api/notes/2", JSON, "{\"title\":\"Renamed\"}"),
        new Step("GET", "/api/notes/9", null, null),
        new Step("POST", "/api/notes", JSON, "{\"title\":"),
        new Step("PATCH", "/api/notes/2", null, null),
        new Step("DELETE", "/api/notes/2", null, null),
        new Step("GET", "/notes/1/", null, null),
        new Step("GET", "/static/notes.css", null, null),
        new Step("GET", "/static/missing.css", null, null),
        new Step("POST", "/notes/1/delete", null, null),
        new Step("GET", "/notes/1?x=%C3%A9", null, null),
        new Step("OPTIONS", "/api/notes", null, null));

    static Application freshNotes() {
        return Validator.wrap(NotesApp.create(new NoteStore(), KEY));
    }

    static List<Seen> run(Front front) throws Exception {
        List<Seen> seen = new ArrayList<>();
        String cookie = null;
        for (Step step : SCRIPT) {
            Seen response = front.send(step.method(), step.path(), step.contentType(), step.body(), cookie);
            seen.add(response);
            String next = Seen.sessionCookie(Map.of("set-cookie", response.headers().getOrDefault("set-cookie", List.of())));
            cookie = next != null ? next.replace("…", "") : cookie;
        }
        return seen;
    }

    private static List<Seen> inProcess() throws Exception {
        try (Front inProcess = new InProcessFront(freshNotes())) {
            return run(inProcess);
        }
    }

    private static void assertSameAsReference(Front front) throws Exception {
        List<Seen> reference = inProcess();
        List<Seen> seen = run(front);
        for (int i = 0; i < SCRIPT.size(); i++) {
            assertEquals(reference.get(i), seen.get(i), "step " + i + ": " + SCRIPT.get(i));
        }
    }

    @Test
    void jettyAnswersLikeTheInProcessClient() throws Exception {
        JettyHarness jetty = new JettyHarness(freshNotes(), "/", "/*");
        try (Front onJetty = new HttpFront(jetty::uri, jetty)) {
            assertSameAsReference(onJetty);
        }
    }

    @Test
    void gatehouseServerAnswersLikeTheInProcessClient() throws Exception {
        Server server = new Server(ServerConfig.defaults()
            .withBinds(List.of(new InetSocketAddress("127.0.0.1", 0))), freshNotes());
        server.start();
        int port = server.addresses().getFirst().getPort();
        try (Front onGatehouse = new HttpFront(path -> URI.create("http://127.0.0.1:" + port + path), server)) {
            assertSameAsReference(onGatehouse);
        }
    }
}
