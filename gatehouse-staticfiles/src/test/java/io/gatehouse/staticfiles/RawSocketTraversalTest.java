package io.gatehouse.staticfiles;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each traversal attempt sent byte for byte to the real server on a loopback port: whatever the
 * server's parser does with the target (400) or hands on (then 404 from the files), the secret
 * next to the root never comes back.
 */
class RawSocketTraversalTest {

    @TempDir
    static Path tmp;

    private static Server server;
    private static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.createSymbolicLink(root.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), tmp);
        Server candidate = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0))),
            new FileApplication(root));
        candidate.start();
        server = candidate;
        address = server.addresses().getFirst();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static Stream<String> attempts() {
        return Stream.concat(Stream.of(TraversalTest.ATTEMPTS),
            Stream.of("/..\\secret.txt", "/sub\\..\\..\\secret.txt", "/%c0%ae%c0%ae/secret.txt",
                "http://localhost/../secret.txt"));
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void attemptIsRefused(String target) throws Exception {
        String response = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String statusLine = response.substring(0, response.indexOf("\r\n"));
        assertTrue(statusLine.equals("HTTP/1.1 404 Not Found") || statusLine.equals("HTTP/1.1 400 Bad Request"),
            target + " -> " + statusLine);
        assertFalse(response.contains("SECRET"), target);
    }

    @Test
    void aPlainFileComesBackWhole() throws Exception {
        String response = exchange("GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nhello"), response);
    }

    @Test
    void aRangeComesBackThroughTheServer() throws Exception {
        String response = exchange("GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=1-3\r\n"
            + "Connection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 206 Partial Content\r\n"), response);
        assertTrue(response.contains("\r\nContent-Range: bytes 1-3/5\r\n"), response);
        assertEquals("ell", response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    /** Sends exact bytes and reads one response, with a read timeout on every call. */
    private static String exchange(String request) throws Exception {
        try (RawClient client = RawClient.connect(address).timeout(Duration.ofSeconds(5))) {
            return client.send(request).readResponse().text();
        }
    }
}
