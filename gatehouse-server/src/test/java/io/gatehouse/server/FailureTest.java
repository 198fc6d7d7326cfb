package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application failures (docs/spec.md 8.3, 8.4): 500 before the headers, a cut connection after. */
class FailureTest {

    private static final String INTERNAL_ERROR = """
        HTTP/1.1 500 Internal Server Error\r
        Date: <masked>\r
        Server: Gatehouse/0.1\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Length: 22\r
        \r
        Internal Server Error
        """;

    @Test
    void exceptionBeforeHeadersIs500WithTheTraceOnlyInTheErrorLog() throws Exception {
        Application app = (environ, start) -> {
            throw new IllegalStateException("secret detail");
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals(INTERNAL_ERROR, response.masked());
            assertTrue(running.errorLog().contains("secret detail"), running.errorLog());
            assertTrue(running.errorLog().contains("at io.gatehouse"), "stack trace goes to the error log");
            client.send("GET /again HTTP/1.1\r\nHost: h\r\n\r\n");   // the connection stays usable
            assertEquals(500, client.readResponse().status());
        }
    }

    @Test
    void exceptionWhileIteratingBeforeTheFirstChunkIs500AndTheBodyIsClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Application app = (environ, start) -> {
            start.start("200 OK", List.of());
            Iterable<byte[]> failing = () -> new Iterator<>() {
                public boolean hasNext() {
                    return true;
                }

                public byte[] next() {
                    throw new IllegalStateException("boom");
                }
            };
            return Body.of(failing, closed::countDown);
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(INTERNAL_ERROR, client.readResponse().masked());
            assertTrue(closed.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void exceptionAfterHeadersClosesTheConnectionWithoutTheLastChunk() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Application app = (environ, start) -> {
            start.start("200 OK", List.of());
            Iterable<byte[]> failing = () -> new Iterator<>() {
                private int n;

                public boolean hasNext() {
                    return true;
                }

                public byte[] next() {
                    if (n++ == 0) {
                        return "part".getBytes(StandardCharsets.US_ASCII);
                    }
                    throw new IllegalStateException("late failure");
                }
            };
            return Body.of(failing, closed::countDown);
        };
        try (RunningServer running = new RunningServer(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("""
                HTTP/1.1 200 OK\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Transfer-Encoding: chunked\r
                \r
                4\r
                part\r
                """, RawClient.maskDate(client.readUntilClose()));
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            assertTrue(running.errorLog().contains("late failure"));
        }
    }

    @Test
    void secondStartWithoutExcInfoThrowsAndExcInfoReplacesBeforeHeadersGoOut() throws Exception {
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("X-First", "1")));
            assertThrows(IllegalStateException.class, () -> start.start("201 Created", List.of()));
            start.start("503 Service Unavailable", List.of(Header.of("Content-Length", "0")), new RuntimeException("x"));
            return Body.empty();
        };
        try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("""
                HTTP/1.1 503 Service Unavailable\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Length: 0\r
                \r
                """, client.readResponse().masked());
        }
    }

    @Test
    void headerInjectionIsNeverSent() throws Exception {
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("X-Name", "a\r\nSet-Cookie: evil=1")));
            return Body.of("hi");
        };
        try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals(INTERNAL_ERROR, response.masked());
            assertFalse(response.text().contains("evil"));
            assertTrue(running.errorLog().contains("X-Name"), running.errorLog());
            assertFalse(running.errorLog().contains("\r\nSet-Cookie"), "the log line cannot be split either");
        }
    }

    @Test
    void badHeaderNamesAndNulAreRefused() throws Exception {
        for (Header bad : List.of(Header.of("Bad Name", "v"), Header.of("X-Nul", "a\0b"), Header.of("", "v"),
            Header.of("X-Wide", "\u0100"))) {
            Application app = (environ, start) -> {
                start.start("200 OK", List.of(bad));
                return Body.of("hi");
            };
            try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals(500, client.readResponse().status(), bad.toString());
            }
        }
    }

    @Test
    void badStatusLinesAreRefused() throws Exception {
        for (String bad : List.of("200", "200 ", "20 OK", "600 Beyond", "099 Low", "200 OK\r\nX: y", "2x0 OK")) {
            Application app = (environ, start) -> {
                start.start(bad, List.of());
                return Body.of("hi");
            };
            try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals(INTERNAL_ERROR, client.readResponse().masked(), bad);
            }
        }
    }

    @Test
    void hopByHopHeadersFromTheApplicationAreDroppedAndLogged() throws Exception {
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Connection", "close"), Header.of("Transfer-Encoding", "gzip"),
                Header.of("X-Kept", "yes")));
            return Body.of("hi");
        };
        try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("""
                HTTP/1.1 200 OK\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                X-Kept: yes\r
                Content-Length: 2\r
                \r
                hi""", client.readResponse().masked());
            assertTrue(running.errorLog().contains("dropped hop-by-hop response header Connection"));
            assertTrue(running.errorLog().contains("dropped hop-by-hop response header Transfer-Encoding"));
        }
    }

    @Test
    void bodyShorterThanContentLengthClosesTheConnection() throws Exception {
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Length", "10")));
            return Body.of(List.of("short".getBytes(StandardCharsets.US_ASCII)), () -> { });
        };
        try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            String text = client.readUntilClose();
            assertTrue(text.endsWith("\r\n\r\nshort"), text);
            assertTrue(running.errorLog().contains("shorter than its Content-Length"));
        }
    }

    @Test
    void bodyLongerThanContentLengthIsCutAndTheConnectionClosed() throws Exception {
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Length", "3")));
            return Body.of(List.of("too long".getBytes(StandardCharsets.US_ASCII)), () -> { });
        };
        try (ServerWithoutValidator running = new ServerWithoutValidator(app); RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
            String text = client.readUntilClose();
            assertTrue(text.endsWith("\r\n\r\ntoo"), text);
            assertEquals(1, text.split("HTTP/1.1 200", -1).length - 1, "no second response");
        }
    }

    @Test
    void aCrashingRequestDoesNotHarmAConcurrentOne() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch crashed = new CountDownLatch(1);
        Application app = (environ, start) -> {
            if (environ.pathInfo().equals("/crash")) {
                slowStarted.await(5, TimeUnit.SECONDS);
                crashed.countDown();
                throw new OutOfMemoryError("simulated");
            }
            slowStarted.countDown();
            crashed.await(5, TimeUnit.SECONDS);
            start.start("200 OK", List.of(Header.of("Content-Length", "2")));
            return Body.of("ok");
        };
        try (RunningServer running = new RunningServer(app); RawClient slow = running.connect();
             RawClient crash = running.connect()) {
            slow.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
            crash.send("GET /crash HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(500, crash.readResponse().status());
            RawResponse ok = slow.readResponse();
            assertEquals(200, ok.status());
            assertEquals("ok", ok.bodyText());
        }
    }

    /** For checks of the server's own defences, which the Validator would otherwise preempt. */
    static final class ServerWithoutValidator implements AutoCloseable {
        final Server server;
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();

        ServerWithoutValidator(Application app) throws java.io.IOException {
            server = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
                .withErrorLog(new PrintStream(errors, true, StandardCharsets.UTF_8)), app);
            server.start();
        }

        RawClient connect() throws java.io.IOException {
            return RawClient.connect(server.addresses().get(0));
        }

        String errorLog() {
            return errors.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
