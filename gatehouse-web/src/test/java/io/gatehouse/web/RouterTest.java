package io.gatehouse.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouterTest {

    private static final Handler VIEW = request -> null;

    private static Rule rule(String name, String pattern, String... methods) {
        return Rule.of(name, pattern, Set.of(methods), VIEW);
    }

    private static RouteMatch.Found found(RouteMatch match) {
        return assertInstanceOf(RouteMatch.Found.class, match);
    }

    @Test
    void literalPathsMatchExactly() {
        Router router = new Router().add(rule("index", "/", "GET")).add(rule("about", "/about", "GET"));
        assertEquals("index", found(router.match("GET", "/")).rule().name());
        assertEquals("index", found(router.match("GET", "")).rule().name());
        assertEquals("about", found(router.match("GET", "/about")).rule().name());
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/contact"));
    }

    @Test
    void convertersTypeTheirValues() {
        Router router = new Router()
            .add(rule("note", "/notes/{id:int}", "GET"))
            .add(rule("user", "/users/{key:uuid}", "GET"))
            .add(rule("file", "/files/{rest:path}", "GET"))
            .add(rule("tag", "/tags/{slug}", "GET"));
        assertEquals(Map.of("id", 42), found(router.match("GET", "/notes/42")).params());
        UUID key = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals(Map.of("key", key), found(router.match("GET", "/users/123E4567-E89B-12D3-A456-426614174000")).params());
        assertEquals(Map.of("rest", "a/b/c.txt"), found(router.match("GET", "/files/a/b/c.txt")).params());
        assertEquals(Map.of("rest", ""), found(router.match("GET", "/files/")).params());
        assertEquals(Map.of("slug", "java web"), found(router.match("GET", "/tags/java web")).params());
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/notes/abc"));
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/notes/-1"));
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/notes/007"));
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/notes/99999999999"));
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/users/not-a-uuid"));
    }

    @Test
    void typedPlaceholdersWinOverPlainOnesAndLiteralsWinOverBoth() {
        Router router = new Router()
            .add(rule("bySlug", "/notes/{slug}", "GET"))
            .add(rule("byId", "/notes/{id:int}", "GET"))
            .add(rule("new", "/notes/new", "GET"));
        assertEquals("byId", found(router.match("GET", "/notes/7")).rule().name());
        assertEquals("bySlug", found(router.match("GET", "/notes/seven")).rule().name());
        assertEquals("new", found(router.match("GET", "/notes/new")).rule().name());
    }

    @Test
    void backtracksWhenADeeperSegmentFails() {
        Router router = new Router()
            .add(rule("a", "/x/{id:int}/edit", "GET"))
            .add(rule("b", "/x/{name}/show", "GET"));
        assertEquals("b", found(router.match("GET", "/x/7/show")).rule().name());
        assertEquals(Map.of("name", "7"), found(router.match("GET", "/x/7/show")).params());
    }

    @Test
    void wrongMethodIs405WithEveryAllowedMethod() {
        Router router = new Router().add(rule("note", "/notes/{id:int}", "GET")).add(rule("put", "/notes/{id:int}", "PUT"));
        RouteMatch.MethodNotAllowed nope = assertInstanceOf(RouteMatch.MethodNotAllowed.class,
            router.match("DELETE", "/notes/3"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT"), nope.allowed());
    }

    @Test
    void aMethodOnAnotherShapeOfTheSamePathIsFound() {
        Router router = new Router().add(rule("show", "/x/{id:int}", "GET")).add(rule("post", "/x/{name}", "POST"));
        assertEquals("post", found(router.match("POST", "/x/3")).rule().name());
    }

    @Test
    void headUsesGetAndOptionsIsAutomatic() {
        Router router = new Router().add(rule("page", "/page", "GET", "POST"));
        assertEquals("page", found(router.match("HEAD", "/page")).rule().name());
        RouteMatch.Options options = assertInstanceOf(RouteMatch.Options.class, router.match("OPTIONS", "/page"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), options.allowed());
    }

    @Test
    void trailingSlashMismatchRedirectsToTheDeclaredForm() {
        Router router = new Router().add(rule("list", "/notes/", "GET")).add(rule("one", "/notes/{id:int}", "GET"));
        assertEquals(new RouteMatch.Redirect("/notes/"), router.match("GET", "/notes"));
        assertEquals(new RouteMatch.Redirect("/notes/3"), router.match("GET", "/notes/3/"));
        assertEquals(new RouteMatch.Redirect("/notes/3"), router.match("POST", "/notes/3/"));
    }

    @Test
    void anyMethodRuleAnswersEveryMethodButASpecificOneWins() {
        Router router = new Router().add(rule("any", "/x")).add(rule("del", "/x", "DELETE"));
        assertEquals("any", found(router.match("PATCH", "/x")).rule().name());
        assertEquals("del", found(router.match("DELETE", "/x")).rule().name());
    }

    @Test
    void urlForExpandsEncodesAndPutsTheRestInTheQuery() {
        Router router = new Router().add(rule("note", "/notes/{id:int}", "GET")).add(rule("file", "/files/{rest:path}", "GET"))
            .add(rule("tag", "/tags/{slug}", "GET"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", 7);
        params.put("q", "a b&c");
        assertEquals("/notes/7?q=a+b%26c", router.path("note", params));
        assertEquals("/files/docs/r%C3%A9sum%C3%A9%201.pdf", router.path("file", Map.of("rest", "docs/résumé 1.pdf")));
        assertEquals("/tags/c%23", router.path("tag", Map.of("slug", "c#")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> router.path("note", Map.of()));
        assertEquals("route /notes/{id:int} needs parameter 'id'", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> router.path("note", Map.of("id", "x")));
        assertThrows(IllegalArgumentException.class, () -> router.path("tag", Map.of("slug", "a/b")));
        assertThrows(IllegalArgumentException.class, () -> router.path("nope", Map.of()));
    }

    @Test
    void clashesAndBadPatternsFailWithOneLine() {
        Router router = new Router().add(rule("a", "/a/{id:int}", "GET"));
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
            () -> router.add(rule("b", "/a/{n:int}", "GET")));
        assertEquals("route /a/{n:int} [GET] clashes with /a/{id:int} [GET]", clash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> router.add(rule("a", "/other", "GET")));
        assertEquals("route pattern must start with '/': x", assertThrows(IllegalArgumentException.class,
            () -> PathTemplate.parse("x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/{rest:path}/b"));
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/{x:float}"));
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/{x}/{x}"));
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/pre{x}"));
    }

    @Test
    void aThousandRoutesAllResolveToTheirOwnRule() {
        Router router = new Router();
        for (int i = 0; i < 1000; i++) {
            router.add(rule("r" + i, "/section" + (i % 25) + "/item" + i + "/{id:int}", "GET"));
        }
        for (int i = 0; i < 1000; i += 37) {
            RouteMatch.Found match = found(router.match("GET", "/section" + (i % 25) + "/item" + i + "/5"));
            assertEquals("r" + i, match.rule().name());
        }
        assertSame(RouteMatch.NotFound.class, router.match("GET", "/section1/item2/5").getClass());
    }
}
