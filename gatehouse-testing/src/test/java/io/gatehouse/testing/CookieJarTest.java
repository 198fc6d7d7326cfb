package io.gatehouse.testing;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CookieJarTest {

    /** Sets the cookies named in the query (one Set-Cookie each, '|' between) and echoes the Cookie header. */
    private static final Application COOKIES = (environ, startResponse) -> {
        List<Header> headers = new ArrayList<>();
        if (!environ.queryString().isEmpty()) {
            for (String setCookie : java.net.URLDecoder.decode(environ.queryString(),
                    java.nio.charset.StandardCharsets.UTF_8).split("\\|")) {
                headers.add(Header.of("Set-Cookie", setCookie));
            }
        }
        startResponse.start("200 OK", headers);
        String cookie = environ.header("Cookie");
        return Body.of(cookie == null ? "" : cookie);
    };

    private static String set(String... cookies) {
        return "?" + java.net.URLEncoder.encode(String.join("|", cookies), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void cookiesAreSentBackOnLaterRequests() {
        TestClient client = TestClient.of(COOKIES);
        assertEquals("", client.get("/login" + set("session=abc; Path=/; HttpOnly", "theme=dark")).send().text());
        assertEquals("session=abc; theme=dark", client.get("/").send().text());
        assertEquals("abc", client.cookie("session"));
        assertEquals(Map.of("session", "abc", "theme", "dark"), client.cookies());
    }

    @Test
    void cookieIsReplacedAndDeleted() {
        TestClient client = TestClient.of(COOKIES);
        client.get("/" + set("a=1")).send();
        client.get("/" + set("a=2")).send();
        assertEquals("a=2", client.get("/").send().text());
        client.get("/" + set("a=; Max-Age=0")).send();
        assertEquals("", client.get("/").send().text());
        client.get("/" + set("b=1")).send();
        client.get("/" + set("b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT")).send();
        assertNull(client.cookie("b"));
    }

    @Test
    void pathAndSecureLimitWhereCookiesGo() {
        TestClient client = TestClient.of(COOKIES);
        client.get("/" + set("admin=1; Path=/admin", "s=1; Secure")).send();
        assertEquals("admin=1", client.get("/admin/users").send().text());
        assertEquals("", client.get("/administrator").send().text());
        assertEquals("s=1", client.get("https://localhost/").send().text());
        // Default path is the directory of the request path (RFC 6265, 5.1.4).
        client.clearCookies().get("/docs/page" + set("d=1")).send();
        assertEquals("d=1", client.get("/docs/other").send().text());
        assertEquals("", client.get("/").send().text());
    }

    @Test
    void setCookieAndExplicitCookieHeaderAreMerged() {
        TestClient client = TestClient.of(COOKIES).setCookie("jar", "1");
        assertEquals("x=9; jar=1", client.get("/").header("Cookie", "x=9").send().text());
    }
}
