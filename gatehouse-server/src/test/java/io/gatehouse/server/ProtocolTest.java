package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9112 behaviour other than rejections: target forms, HTTP/1.0, Expect, the environ. */
class ProtocolTest {

    @Test
    void absoluteFormTargetGivesPathAndServerName() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            client.send("GET http://example.com:8080/p%20q?x=1 HTTP/1.1\r\nHost: other\r\n\r\n");
            assertEquals("/p q\nx=1\nhttp://example.com:8080/p%20q?x=1\nexample.com:8080\n",
                client.readResponse().bodyText());
        }
    }

    @Test
    void asteriskFormForOptionsGivesAnEmptyPath() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            client.send("OPTIONS * HTTP/1.1\r\nHost: h:81\r\n\r\n");
            assertEquals("\n\n*\nh:81\n", client.readResponse().bodyText());
        }
    }

    @Test
    void http10WithoutKeepAliveClosesAfterTheResponse() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.0\r\n\r\n");
            assertEquals("""
                HTTP/1.0 200 OK\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                Content-Length: 14\r
                \r
                Hello, World!
                """, client.readResponse().masked());
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void http10WithKeepAliveStaysOpen() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            for (int i = 0; i < 2; i++) {
                client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                RawResponse response = client.readResponse();
                assertEquals("keep-alive", response.field("Connection"));
                assertEquals("Hello, World!\n", response.bodyText());
            }
            assertFalse(client.timeout(Duration.ofMillis(100)).closedByPeer());
        }
    }

    @Test
    void connectionCloseFromTheClientIsHonouredAndAnswered() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            assertEquals("close", client.readResponse().field("Connection"));
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void expectContinueIsSentWhenTheApplicationReads() throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO); RawClient client = running.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            RawResponse interim = client.readResponse();
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim.text());
            client.send("hello");
            RawResponse response = client.readResponse();
            assertEquals(200, response.status());
            assertEquals("hello", response.bodyText());
        }
    }

    @Test
    void expectContinueIsNotSentWhenTheApplicationDoesNotRead() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals("HTTP/1.1 200 OK", response.statusLine());
            assertEquals("close", response.field("Connection"));
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void unreadBodyIsDrainedSoTheNextRequestWorks() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            client.send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("/a\n\n/a\nh:80\n", client.readResponse().bodyText());
            assertEquals("/b\n\n/b\nh:80\n", client.readResponse().bodyText());
        }
    }

    @Test
    void environHoldsTheCgiVariablesAndGatewayKeys() throws Exception {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        Application app = (environ, start) -> {
            seen.set(new TreeMap<>(environ.asMap()));
            start.start("204 No Content", List.of());
            return Body.empty();
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET /caf%C3%A9/x+y?q=%20 HTTP/1.1\r\nHost: example.org\r\nAccept: a\r\nAccept: b\r\n"
                + "Cookie: a=1\r\nCookie: b=2\r\nX_Sneaky: no\r\nContent-Type: text/x\r\n\r\n");
            assertEquals("""
                HTTP/1.1 204 No Content\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                \r
                """, client.readResponse().masked());
        }
        Map<String, Object> env = seen.get();
        assertEquals("GET", env.get("REQUEST_METHOD"));
        assertEquals("", env.get("SCRIPT_NAME"));
        assertEquals("/caf\u00e9/x+y", env.get("PATH_INFO"));
        assertEquals("q=%20", env.get("QUERY_STRING"));
        assertEquals("/caf%C3%A9/x+y?q=%20", env.get("REQUEST_URI"));
        assertEquals("example.org", env.get("SERVER_NAME"));
        assertEquals("80", env.get("SERVER_PORT"));
        assertEquals("HTTP/1.1", env.get("SERVER_PROTOCOL"));
        assertEquals("Gatehouse/0.1", env.get("SERVER_SOFTWARE"));
        assertEquals("CGI/1.1", env.get("GATEWAY_INTERFACE"));
        assertEquals("127.0.0.1", env.get("REMOTE_ADDR"));
        assertTrue(((String) env.get("REMOTE_PORT")).matches("\\d+"));
        assertEquals("a, b", env.get("HTTP_ACCEPT"));
        assertEquals("a=1; b=2", env.get("HTTP_COOKIE"));
        assertEquals("text/x", env.get("CONTENT_TYPE"));
        assertNull(env.get("HTTP_CONTENT_TYPE"));
        assertNull(env.get("CONTENT_LENGTH"));
        assertFalse(env.containsKey("HTTP_X_SNEAKY"));
        assertEquals("1.0", env.get(Environ.GATEWAY_VERSION));
        assertEquals("http", env.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals(Boolean.TRUE, env.get(Environ.GATEWAY_MULTITHREAD));
        assertEquals(Boolean.FALSE, env.get(Environ.GATEWAY_MULTIPROCESS));
        assertEquals(Boolean.FALSE, env.get(Environ.GATEWAY_RUN_ONCE));
        assertTrue(env.containsKey(Environ.GATEWAY_FILE_WRAPPER));
        assertTrue(env.containsKey(Environ.GATEWAY_EARLY_HINTS));
        assertTrue(env.containsKey(Environ.GATEWAY_ERRORS));
        assertTrue(env.containsKey(Environ.GATEWAY_INPUT));
    }

    @Test
    void earlyHintsGoOutBeforeTheResponseButNotToHttp10() throws Exception {
        Application app = (environ, start) -> {
            if (environ.earlyHints() != null) {
                environ.earlyHints().send(List.of(Header.of("Link", "</a.css>; rel=preload")));
            }
            start.start("200 OK", List.of(Header.of("Content-Length", "2")));
            return Body.of("ok");
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n", client.readResponse().text());
            assertEquals(200, client.readResponse().status());
            client.send("GET / HTTP/1.0\r\n\r\n");
            assertEquals(200, client.readResponse().status());
        }
    }

    @Test
    void fileBodyIsSentWithItsLength() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gatehouse", ".txt");
        java.nio.file.Files.writeString(file, "0123456789");
        Application app = (environ, start) -> {
            var channel = java.nio.channels.FileChannel.open(file);
            start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
            return environ.fileWrapper().wrap(channel, 2, 5);
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals("5", response.field("Content-Length"));
            assertEquals("23456", response.bodyText());
            running.validator.assertAllClosed();
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void fileBodyGoesZeroCopyWithoutTheValidator() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gatehouse", ".txt");
        java.nio.file.Files.writeString(file, "0123456789");
        Application app = (environ, start) -> {
            var channel = java.nio.channels.FileChannel.open(file);
            start.start("200 OK", List.of());
            return environ.fileWrapper().wrap(channel, 0, 10);
        };
        Server server = new Server(ServerConfig.defaults()
            .withBinds(List.of(new java.net.InetSocketAddress("127.0.0.1", 0))), app);
        server.start();
        try (RawClient client = RawClient.connect(server.addresses().get(0))) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("0123456789", client.readResponse().bodyText());
        } finally {
            server.stop();
            java.nio.file.Files.delete(file);
        }
    }
}
