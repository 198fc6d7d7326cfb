package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForwardedHeadersTest {

    private static final List<String> KEYS = List.of(Environ.REMOTE_ADDR, Environ.REMOTE_PORT,
        Environ.GATEWAY_URL_SCHEME, "HTTP_HOST", Environ.SERVER_NAME, Environ.SERVER_PORT);

    /** Answers with the keys that matter, and every gatehouse.forwarded.* key, one per line. */
    private static final Application ECHO = (environ, startResponse) -> {
        StringBuilder text = new StringBuilder();
        for (String key : KEYS) {
            text.append(key).append('=').append(environ.get(key)).append('\n');
        }
        new TreeMap<>(environ.asMap()).forEach((key, value) -> {
            if (key.startsWith("gatehouse.forwarded.")) {
                text.append(key.substring("gatehouse.forwarded.".length())).append('=').append(value).append('\n');
            }
        });
        startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
        return Body.of(text.toString());
    };

    private static final String UNTOUCHED = """
        REMOTE_ADDR=127.0.0.1
        REMOTE_PORT=50000
        gateway.url_scheme=http
        HTTP_HOST=localhost
        SERVER_NAME=localhost
        SERVER_PORT=80
        """;

    private static final String ORIGINALS = """
        original_http_host=localhost
        original_remote_addr=127.0.0.1
        original_remote_port=50000
        original_server_name=localhost
        original_server_port=80
        original_url_scheme=http
        """;

    private static TestRequest get(String trusted) {
        return TestClient.of(ForwardedHeaders.wrap(ECHO, TrustedProxies.parse(trusted))).get("/");
    }

    private static TestRequest get() {
        return TestClient.of(ForwardedHeaders.wrap(ECHO)).get("/");
    }

    @Test
    void untrustedPeerLeavesTheEnvironAlone() {
        String sent = get().environ(Environ.REMOTE_ADDR, "192.0.2.7")
            .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "example.com").header("Forwarded", "for=203.0.113.9;proto=https")
            .send().text();
        assertEquals(UNTOUCHED.replace("127.0.0.1", "192.0.2.7"), sent);
    }

    @Test
    void noForwardingHeadersChangesNothing() {
        assertEquals(UNTOUCHED, get().send().text());
    }

    @Test
    void xForwardedFromLoopbackSetsClientSchemeAndHost() {
        String sent = get().header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "example.com").send().text();
        assertEquals("""
            REMOTE_ADDR=203.0.113.9
            REMOTE_PORT=null
            gateway.url_scheme=https
            HTTP_HOST=example.com
            SERVER_NAME=example.com
            SERVER_PORT=443
            for=203.0.113.9
            """ + ORIGINALS, sent);
    }

    @Test
    void xForwardedPortAndHostPort() {
        assertEquals("""
            REMOTE_ADDR=127.0.0.1
            REMOTE_PORT=50000
            gateway.url_scheme=http
            HTTP_HOST=example.com
            SERVER_NAME=example.com
            SERVER_PORT=8443
            """ + ORIGINALS,
            get().header("X-Forwarded-Host", "example.com").header("X-Forwarded-Port", "8443").send().text());
        assertEquals("SERVER_PORT=9000", line(get().header("X-Forwarded-Host", "example.com:9000")
            .header("X-Forwarded-Port", "8443").send().text(), 5));
        assertEquals("SERVER_PORT=8443", line(get().header("X-Forwarded-Port", "8443").send().text(), 5));
    }

    @Test
    void xForwardedForTakesTheRightMostUntrustedHop() {
        String trusted = "127.0.0.1,10.0.0.0/8";
        // The client wrote "6.6.6.6" itself; the edge proxy appended the real client, then an inner proxy.
        assertEquals("REMOTE_ADDR=203.0.113.9", line(get(trusted)
            .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.2").send().text(), 0));
        // Every hop trusted: the left-most is the client.
        assertEquals("REMOTE_ADDR=10.0.0.1", line(get(trusted)
            .header("X-Forwarded-For", "10.0.0.1,10.0.0.2").send().text(), 0));
        // Garbage as the right-most untrusted hop: the address stays the proxy's.
        String garbage = get(trusted).header("X-Forwarded-For", "203.0.113.9, not-an-ip, 10.0.0.2").send().text();
        assertEquals("REMOTE_ADDR=127.0.0.1", line(garbage, 0));
        assertEquals("for=not-an-ip", line(garbage, 6));
    }

    @Test
    void xForwardedForAcceptsIpv6AndPorts() {
        assertEquals("REMOTE_ADDR=2001:db8:0:0:0:0:0:1\nREMOTE_PORT=null",
            lines(get().header("X-Forwarded-For", "2001:db8::1").send().text(), 0, 2));
        assertEquals("REMOTE_ADDR=2001:db8:0:0:0:0:0:1\nREMOTE_PORT=4711",
            lines(get().header("X-Forwarded-For", "[2001:db8::1]:4711").send().text(), 0, 2));
        assertEquals("REMOTE_ADDR=192.0.2.1\nREMOTE_PORT=80",
            lines(get().header("X-Forwarded-For", "192.0.2.1:80").send().text(), 0, 2));
    }

    @Test
    void listsInProtoAndHostUseTheRightMostEntry() {
        String sent = get().header("X-Forwarded-Proto", "http, https").header("X-Forwarded-Host", "a.test, b.test")
            .send().text();
        assertEquals("gateway.url_scheme=https\nHTTP_HOST=b.test", lines(sent, 2, 4));
    }

    @Test
    void forwardedFieldWithEveryParameter() {
        String sent = get().header("Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"shop.example:8443\"")
            .send().text();
        assertEquals("""
            REMOTE_ADDR=2001:db8:cafe:0:0:0:0:17
            REMOTE_PORT=4711
            gateway.url_scheme=https
            HTTP_HOST=shop.example:8443
            SERVER_NAME=shop.example
            SERVER_PORT=8443
            for=[2001:db8:cafe::17]:4711
            """ + ORIGINALS, sent);
    }

    @Test
    void headersAsTheRecommendedNginxConfigSendsThem() {
        // Field for field what nginx 1.22 sent with docs/deploy.md's config, the client's address changed.
        String sent = get().environ(Environ.REMOTE_ADDR, "::1").header("Host", "[::1]")
            .header("X-Forwarded-For", "6.6.6.6, 2001:db8::7").header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "[::1]").header("X-Forwarded-Port", "443")
            .header("Forwarded", "for=\"[2001:db8::7]\";proto=https;host=\"[::1]\"").send().text();
        assertEquals("""
            REMOTE_ADDR=2001:db8:0:0:0:0:0:7
            REMOTE_PORT=null
            gateway.url_scheme=https
            HTTP_HOST=[::1]
            SERVER_NAME=[::1]
            SERVER_PORT=443
            for=[2001:db8::7]
            original_http_host=[::1]
            original_remote_addr=::1
            original_remote_port=50000
            original_server_name=[::1]
            original_server_port=80
            original_url_scheme=http
            """, sent);
    }

    @Test
    void forwardedTakesTheRightMostUntrustedElement() {
        String sent = get("127.0.0.1, 10.0.0.0/8").header("Forwarded",
                "for=6.6.6.6;proto=http, For=203.0.113.9;Proto=HTTPS;host=\"a.example\", for=10.0.0.2;proto=http")
            .send().text();
        assertEquals("REMOTE_ADDR=203.0.113.9\nREMOTE_PORT=null\ngateway.url_scheme=https\nHTTP_HOST=a.example",
            lines(sent, 0, 4));
    }

    @Test
    void forwardedObfuscatedAndUnknownClientsKeepTheAddress() {
        String hidden = get().header("Forwarded", "for=\"_hidden:_port\";proto=https").send().text();
        assertEquals("REMOTE_ADDR=127.0.0.1\nREMOTE_PORT=50000\ngateway.url_scheme=https", lines(hidden, 0, 3));
        assertEquals("for=_hidden:_port", line(hidden, 6));
        String unknown = get().header("Forwarded", "for=unknown").send().text();
        assertEquals(UNTOUCHED + "for=unknown\n", unknown);
    }

    @Test
    void forwardedWinsOverXForwardedAndGarbageForwardedFallsBackToIt() {
        assertEquals("REMOTE_ADDR=192.0.2.60", line(get().header("Forwarded", "for=192.0.2.60")
            .header("X-Forwarded-For", "198.51.100.1").send().text(), 0));
        assertEquals("REMOTE_ADDR=198.51.100.1", line(get().header("Forwarded", "for=192.0.2.60;for=192.0.2.61")
            .header("X-Forwarded-For", "198.51.100.1").send().text(), 0));
    }

    @Test
    void garbageValuesAreIgnoredOneByOne() {
        String sent = get().header("Forwarded", "for=192.0.2.60;proto=ftp;host=\"bad host\"").send().text();
        assertEquals("REMOTE_ADDR=192.0.2.60\nREMOTE_PORT=null\ngateway.url_scheme=http\nHTTP_HOST=localhost",
            lines(sent, 0, 4));
        assertEquals(UNTOUCHED, get().header("X-Forwarded-Port", "99999").header("X-Forwarded-Host", "a:99999")
            .header("X-Forwarded-Proto", "gopher").send().text());
        assertEquals(UNTOUCHED + "for=[::1\n", get().header("Forwarded", "for=\"[::1\"").send().text());
        assertEquals(UNTOUCHED, get().header("X-Forwarded-Host", "[zz::1]").send().text());
        // RFC 7239, 4: a value with ':' must be quoted, so this whole field is invalid and ignored.
        assertEquals(UNTOUCHED, get().header("Forwarded", "for=192.0.2.60;host=a.example:8080").send().text());
    }

    @Test
    void ipv6LoopbackPeerAndUnixSocketPeerAreTrusted() {
        assertEquals("REMOTE_ADDR=203.0.113.9", line(get().environ(Environ.REMOTE_ADDR, "::1")
            .header("X-Forwarded-For", "203.0.113.9").send().text(), 0));
        assertEquals("REMOTE_ADDR=203.0.113.9", line(get().environ(Environ.REMOTE_ADDR, "0:0:0:0:0:0:0:1")
            .header("X-Forwarded-For", "203.0.113.9").send().text(), 0));
        assertEquals("REMOTE_ADDR=203.0.113.9", line(get().environ(Environ.REMOTE_ADDR, "")
            .header("X-Forwarded-For", "203.0.113.9").send().text(), 0));
    }

    @Test
    void starTrustsEveryPeerAndAnEmptyListNone() {
        assertEquals("REMOTE_ADDR=203.0.113.9", line(get("*").environ(Environ.REMOTE_ADDR, "198.51.100.77")
            .header("X-Forwarded-For", "203.0.113.9").send().text(), 0));
        assertEquals(UNTOUCHED, get("").header("X-Forwarded-For", "203.0.113.9").send().text());
    }

    private static String line(String text, int index) {
        return text.split("\n")[index];
    }

    private static String lines(String text, int from, int to) {
        return String.join("\n", List.of(text.split("\n")).subList(from, to));
    }
}
