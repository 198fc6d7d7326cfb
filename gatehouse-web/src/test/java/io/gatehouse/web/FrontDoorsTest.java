package io.gatehouse.web;

import io.gatehouse.spec.Application;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrontDoorsTest {

    /** Views on a plain class, Flask style. */
    public static final class NoteViews {
        @Route("/notes/{id:int}")
        public Map<String, Object> show(@Param("id") int id) {
            return Map.of("id", id);
        }

        @Route(value = "/notes/{id:int}", methods = {"PUT", "PATCH"}, name = "edit")
        public Response update(Request request, @Param("id") Integer id) throws java.io.IOException {
            return Response.text(request.method() + " " + id + " " + request.text());
        }

        @Route("/keys/{key:uuid}/{slug}")
        static String key(@Param("key") UUID key, @Param("slug") String slug) {
            return key + " " + slug;
        }
    }

    /** A class whose parameter cannot be bound. */
    public static final class Unbound {
        @Route("/x/{id:int}")
        public String show(@Param("other") int id) {
            return "";
        }
    }

    @Test
    void annotatedMethodsBindRequestAndPlaceholders() {
        TestClient client = TestClient.of(new App("t").register(new NoteViews()).application());
        assertEquals("{\"id\":7}", client.get("/notes/7").send().text());
        assertEquals("PATCH 7 body", client.request("PATCH", "/notes/7").body("body").send().text());
        assertEquals("123e4567-e89b-12d3-a456-426614174000 hi",
            client.get("/keys/123e4567-e89b-12d3-a456-426614174000/hi").send().text());
        assertEquals("GET, HEAD, OPTIONS, PATCH, PUT", client.delete("/notes/7").send().header("Allow"));
    }

    @Test
    void annotatedRouteNamesDefaultToTheMethodName() {
        App app = new App("t").register(new NoteViews());
        assertEquals("/notes/3", app.urlFor("show", Map.of("id", 3)));
        assertEquals("/notes/3", app.urlFor("edit", Map.of("id", 3)));
    }

    /** A class whose parameter has the wrong type for its placeholder. */
    public static final class WrongType {
        @Route("/x/{id:int}")
        public String show(@Param("id") long id) {
            return "";
        }
    }

    @Test
    void badRegistrationsFailWithOneLine() {
        assertEquals("io.gatehouse.web.FrontDoorsTest$WrongType.show: parameter 'id' is long but the route gives Integer",
            assertThrows(IllegalArgumentException.class, () -> new App("t").register(new WrongType())).getMessage());
        assertEquals("io.gatehouse.web.FrontDoorsTest$Unbound.show: route /x/{id:int} has no placeholder 'other'",
            assertThrows(IllegalArgumentException.class, () -> new App("t").register(new Unbound())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new App("t").register("no routes here"));
        assertThrows(IllegalArgumentException.class, () -> new App("t").register(NoteViews.class));
    }

    @Test
    void lambdasAndFreezing() {
        App app = new App("t").get("/x", request -> "x");
        Application application = app.application();
        assertEquals("x", TestClient.of(application).get("/x").send().text());
        assertThrows(IllegalStateException.class, () -> app.get("/y", request -> "y"));
    }

    @Test
    void blueprintsMountAtAPrefixWithQualifiedNames() {
        Blueprint api = new Blueprint("api")
            .get("/notes/{id:int}", "note", request -> Map.of("url", request.urlFor("api.note", request.params())));
        App app = new App("t").register(api, "/api/v1");
        TestResponse r = TestClient.of(app.application()).get("/root/api/v1/notes/4").scriptName("/root").send();
        assertEquals("{\"url\":\"/root/api/v1/notes/4\"}", r.text());
    }

    @Test
    void subApplicationsGetTheirOwnScriptName() {
        App inner = new App("inner").get("/", "home", request -> request.scriptName() + "|" + request.pathInfo() + "|"
            + request.urlFor("home")).get("/page", request -> request.urlFor("home"));
        App outer = new App("outer").mount("/blog", inner.application()).get("/", request -> "outer");
        TestClient client = TestClient.of(outer.application());
        assertEquals("/blog|/|/blog/", client.get("/blog/").send().text());
        assertEquals(405, client.post("/blog/page").send().status());
        assertEquals("/blog/", client.get("/blog/page").send().text());
        assertEquals("/site/blog|/|/site/blog/", client.get("/site/blog/").scriptName("/site").send().text());
        assertEquals("/blog||/blog/", client.get("/blog").send().text()); // PATH_INFO empty, as the spec mounts
        assertEquals("outer", client.get("/").send().text());
    }

    @Test
    void configuratorRoutesByNameWithMethodViews() {
        Configurator config = new Configurator();
        config.addRoute("note", "/notes/{id:int}");
        config.addView(request -> Response.text("show " + request.param("id")), "note");
        config.addView(request -> Response.text("delete " + request.param("id")), "note", "delete");
        config.addErrorView(404, (request, error) -> Response.text("nothing here").status(404));
        TestClient client = TestClient.of(config.makeApplication());
        assertEquals("show 1", client.get("/notes/1").send().text());
        assertEquals("show 1", client.post("/notes/1").send().text());
        assertEquals("delete 1", client.delete("/notes/1").send().text());
        assertEquals("nothing here", client.get("/nope").send().text());
    }

    @Test
    void configuratorErrorsNameTheRoute() {
        Configurator config = new Configurator();
        config.addRoute("lonely", "/lonely");
        assertEquals("route 'lonely' (/lonely) has no view",
            assertThrows(IllegalStateException.class, config::makeApplication).getMessage());
        assertEquals("addView: no route named 'ghost' (declare it with addRoute first)",
            assertThrows(IllegalArgumentException.class, () -> config.addView(request -> "", "ghost")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.addRoute("lonely", "/again"));
    }
}
