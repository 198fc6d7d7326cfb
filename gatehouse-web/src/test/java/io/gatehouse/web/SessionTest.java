package io.gatehouse.web;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    private static final String NEW_KEY = "new-key-0123456789abcdef";
    private static final String OLD_KEY = "old-key-0123456789abcdef";

    private static App app(String... keys) {
        return new App("t").secretKeys(keys)
            .post("/name/{name}", request -> {
                request.session().put("name", request.param("name"));
                request.session().flash("saved " + request.param("name"));
                return "ok";
            })
            .get("/whoami", request -> request.session().getString("name") + " " + request.session().takeFlashes())
            .post("/logout", request -> {
                request.session().clear();
                return "bye";
            });
    }

    @Test
    void sessionSurvivesRequestsAndFlashesShowOnce() {
        TestClient client = TestClient.of(app(NEW_KEY).application());
        TestResponse set = client.post("/name/ada").send();
        String setCookie = set.header("Set-Cookie");
        assertTrue(setCookie.startsWith("session="), setCookie);
        assertTrue(setCookie.endsWith("; Max-Age=2678400; Path=/; HttpOnly; SameSite=Lax"), setCookie);
        assertEquals("ada [saved ada]", client.get("/whoami").send().text());
        assertEquals("ada []", client.get("/whoami").send().text());
        TestResponse out = client.post("/logout").send();
        assertTrue(out.header("Set-Cookie").startsWith("session=; Max-Age=0"), out.header("Set-Cookie"));
        assertEquals("null []", client.get("/whoami").send().text());
    }

    @Test
    void anUnchangedSessionSendsNoCookie() {
        TestClient client = TestClient.of(app(NEW_KEY).application());
        client.post("/name/ada").send();
        client.get("/whoami").send(); // takes the flashes: changed
        assertNull(client.get("/whoami").send().header("Set-Cookie"));
    }

    @Test
    void aTamperedCookieGivesAnEmptySession() {
        TestClient client = TestClient.of(app(NEW_KEY).application());
        client.post("/name/ada").send();
        String value = client.cookie("session");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"name\":\"root\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        client.setCookie("session", forgedPayload + value.substring(value.indexOf('.')));
        assertEquals("null []", client.get("/whoami").send().text());
    }

    @Test
    void keyRotationAcceptsOldKeysAndSignsWithTheNewest() {
        TestClient oldClient = TestClient.of(app(OLD_KEY).application());
        oldClient.post("/name/ada").send();
        String signedWithOld = oldClient.cookie("session");

        TestClient rotated = TestClient.of(app(NEW_KEY, OLD_KEY).application());
        rotated.setCookie("session", signedWithOld);
        assertEquals("ada [saved ada]", rotated.get("/whoami").send().text());
        String resigned = rotated.cookie("session");

        TestClient newOnly = TestClient.of(app(NEW_KEY).application());
        newOnly.setCookie("session", resigned);
        assertEquals("ada []", newOnly.get("/whoami").send().text());
        newOnly.setCookie("session", signedWithOld);
        assertEquals("null []", newOnly.get("/whoami").send().text());
    }

    @Test
    void signerRejectsExpiredAndMalformedValues() {
        SessionSigner signer = new SessionSigner(List.of(NEW_KEY), Duration.ofMinutes(10));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String value = signer.sign(Map.of("a", 1), now);
        assertEquals(Map.of("a", 1), signer.verify(value, now.plusSeconds(599)));
        assertNull(signer.verify(value, now.plusSeconds(601)));
        assertNull(signer.verify("garbage", now));
        assertNull(signer.verify("a.b.c", now));
        assertThrows(IllegalArgumentException.class, () -> new SessionSigner(List.of("short"), Duration.ofDays(1)));
    }

    @Test
    void usingSessionsWithoutAKeyIsA500NamingTheFix() {
        TestResponse r = TestClient.of(new App("t").get("/s", request -> request.session().get("x")).application())
            .get("/s").send();
        assertEquals(500, r.status());
        assertTrue(r.errors().contains("sessions need a secret key"), r.errors());
    }

    @Test
    void cookiePathFollowsTheMountPointAndSecureOnHttps() {
        TestClient client = TestClient.of(app(NEW_KEY).application());
        String cookie = client.post("https://example.com/app/name/x").scriptName("/app").send().header("Set-Cookie");
        assertTrue(cookie.endsWith("; Path=/app; Secure; HttpOnly; SameSite=Lax"), cookie);
    }
}
