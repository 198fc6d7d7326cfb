package io.gatehouse.web;

import io.gatehouse.middleware.ForwardedHeaders;
import io.gatehouse.middleware.TrustedProxies;
import io.gatehouse.spec.Application;
import io.gatehouse.testing.TestClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The framework reads the client address and scheme from the environ only; behind a trusted proxy
 * the server side (here the ForwardedHeaders middleware, as `serve --forwarded-allow-ips` installs
 * it) has already put the forwarded values there, and an untrusted peer's headers change nothing.
 */
class BehindAProxyTest {

    private static final Application WHO = new App("who")
        .get("/who", "who", request -> request.remoteAddr() + " " + request.scheme() + " " + request.url()
            + " " + request.urlFor("who"))
        .application();

    private static final Application BEHIND_PROXY = ForwardedHeaders.wrap(WHO, TrustedProxies.parse("10.0.0.1"));

    @Test
    void aTrustedProxysForwardedValuesAreTheRequestsAddressAndScheme() throws Exception {
        String seen = TestClient.of(BEHIND_PROXY).get("/who").environ("REMOTE_ADDR", "10.0.0.1")
            .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "notes.example").send().text();
        assertEquals("203.0.113.9 https https://notes.example/who /who", seen);
    }

    @Test
    void anUntrustedPeersForwardedHeadersAreIgnored() throws Exception {
        String seen = TestClient.of(BEHIND_PROXY).get("/who").environ("REMOTE_ADDR", "198.51.100.7")
            .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
            .header("Host", "localhost").send().text();
        assertEquals("198.51.100.7 http http://localhost/who /who", seen);
    }
}
