package io.gatehouse.server;

import io.gatehouse.http.Violation;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four timeouts of ServerConfig, each on its own; bounded waits, no speed assertions. */
class TimeoutTest {

    private static ServerConfig shortTimeouts(ServerConfig config) {
        return config.withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(300));
    }

    @Test
    void slowLorisGets408WhenTheWholeHeadTakesTooLong() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO, TimeoutTest::shortTimeouts);
             RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\n");
            // A byte every 50 ms keeps every single read fast; only the whole-head deadline catches it.
            String[] drip = "Host: h\r\nX-A: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".split("");
            try {
                for (String b : drip) {
                    client.send(b);
                    Thread.sleep(50);
                }
            } catch (java.io.IOException closedAlready) {
                // the server answered and closed while we were still dripping
            }
            RejectionTest.assertRejected(client, Violation.HEAD_TIMEOUT);
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedWithoutAResponse() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO, TimeoutTest::shortTimeouts);
             RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(200, client.readResponse().status());
            assertEquals("", client.readUntilClose());
        }
    }

    @Test
    void connectionThatNeverSendsIsClosedSilently() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO, TimeoutTest::shortTimeouts);
             RawClient client = running.connect()) {
            assertEquals("", client.readUntilClose());
        }
    }

    @Test
    void stalledBodyGets408() throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO, TimeoutTest::shortTimeouts);
             RawClient client = running.connect()) {
            client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
            RejectionTest.assertRejected(client, Violation.BODY_TIMEOUT);
        }
    }

    @Test
    void clientThatStopsReadingIsCutOffAndTheBodyClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        byte[] block = new byte[64 * 1024];
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Type", "application/octet-stream")));
            Iterable<byte[]> endless = () -> new Iterator<>() {
                public boolean hasNext() {
                    return true;
                }

                public byte[] next() {
                    return block.clone();
                }
            };
            return Body.of(endless, closed::countDown);
        };
        try (RunningServer running = new RunningServer(app, TimeoutTest::shortTimeouts);
             RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertTrue(closed.await(20, TimeUnit.SECONDS), "the write timeout must end the response");
        }
    }

    @Test
    void clientDisconnectMidResponseClosesTheBody() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch firstChunk = new CountDownLatch(1);
        Application app = (environ, start) -> {
            start.start("200 OK", List.of());
            Iterable<byte[]> endless = () -> new Iterator<>() {
                public boolean hasNext() {
                    return true;
                }

                public byte[] next() {
                    firstChunk.countDown();
                    return new byte[8192];
                }
            };
            return Body.of(endless, closed::countDown);
        };
        try (RunningServer running = new RunningServer(app)) {
            RawClient client = running.connect();
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertTrue(firstChunk.await(5, TimeUnit.SECONDS));
            client.close();
            assertTrue(closed.await(20, TimeUnit.SECONDS), "the body must be closed when the client leaves");
            running.validator.assertAllClosed();
        }
    }
}
