package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Start, addresses, graceful stop, IPv6. */
class LifecycleTest {

    @Test
    void gracefulStopFinishesTheInFlightRequestAndClosesIdleConnectionsAtOnce() throws Exception {
        CountDownLatch inApp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Application app = (environ, start) -> {
            if (environ.pathInfo().equals("/slow")) {
                inApp.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            start.start("200 OK", List.of(Header.of("Content-Length", "4")));
            return Body.of("done");
        };
        RunningServer running = new RunningServer(app, c -> c.withGracefulTimeout(Duration.ofSeconds(10)));
        try (RawClient idle = running.connect(); RawClient busy = running.connect()) {
            idle.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(200, idle.readResponse().status());
            busy.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
            assertTrue(inApp.await(5, TimeUnit.SECONDS));
            Thread stopper = Thread.ofVirtual().start(running.server::stop);
            assertTrue(idle.closedByPeer(), "an idle connection closes as soon as the stop begins");
            assertThrows(IOException.class, () -> RawClient.connect(running.address()).send("GET / HTTP/1.1\r\n\r\n")
                .readResponse(), "no new connections are served");
            release.countDown();
            RawResponse response = busy.readResponse();
            assertEquals("done", response.bodyText());
            assertEquals("close", response.field("Connection"));
            assertTrue(busy.closedByPeer());
            stopper.join(10_000);
            running.server.awaitStop();
            running.server.stop();   // idempotent
        }
    }

    @Test
    void gracefulStopStillAnswersAConnectionWhoseFirstRequestIsOnTheWay() throws Exception {
        CountDownLatch inApp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Application app = (environ, start) -> {
            if (environ.pathInfo().equals("/slow")) {
                inApp.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            start.start("200 OK", List.of(Header.of("Content-Length", "4")));
            return Body.of("done");
        };
        RunningServer running = new RunningServer(app, c -> c.withGracefulTimeout(Duration.ofSeconds(10)));
        try (RawClient busy = running.connect(); RawClient fresh = running.connect()) {
            // "fresh" was accepted while the server still accepted, but its request is late: the app
            // server's zero-downtime reload depends on such a request being answered, not reset.
            busy.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
            assertTrue(inApp.await(5, TimeUnit.SECONDS));
            Thread stopper = Thread.ofVirtual().start(running.server::stop);
            Thread.sleep(100);
            fresh.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            RawResponse late = fresh.readResponse();
            assertEquals("done", late.bodyText());
            assertEquals("close", late.field("Connection"));
            assertTrue(fresh.closedByPeer());
            release.countDown();
            assertEquals("done", busy.readResponse().bodyText());
            stopper.join(10_000);
            running.server.awaitStop();
        }
    }

    @Test
    void stopAnswersEveryConnectionStillQueuedOnTheSocket() throws Exception {
        // The clients connect before the server starts, so their connections wait in the kernel's
        // accept queue; a stop right after the start must accept and answer every one of them,
        // not close the socket over them (which would reset them).
        try (ServerSocketChannel socket = ServerSocketChannel.open()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            InetSocketAddress address = (InetSocketAddress) socket.getLocalAddress();
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    clients.add(RawClient.connect(address).send("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
                }
                Server server = new Server(ServerConfig.defaults().withGracefulTimeout(Duration.ofSeconds(10)),
                    Apps.HELLO, List.of(socket));
                server.start();
                server.stop();
                for (RawClient client : clients) {
                    assertEquals("Hello, World!\n", client.readResponse().bodyText());
                }
                assertThrows(IOException.class, () -> RawClient.connect(address).send("GET / HTTP/1.1\r\n\r\n")
                    .readResponse(), "the socket is closed after the drain");
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void portZeroReportsTheRealPortAndBindFailureIsAnIOException() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO)) {
            assertNotEquals(0, running.port());
            Server second = new Server(ServerConfig.defaults().withBinds(List.of(running.address())), Apps.HELLO);
            IOException failure = assertThrows(IOException.class, second::start);
            assertTrue(failure.getMessage().contains("cannot bind 127.0.0.1:" + running.port()), failure.getMessage());
        }
    }

    @Test
    void servesIpv6OnLoopback() throws Exception {
        assumeTrue(ipv6Available(), "no IPv6 loopback on this machine");
        try (RunningServer running = new RunningServer(Apps.PATH,
            c -> c.withBinds(List.of(new InetSocketAddress("::1", 0), new InetSocketAddress("127.0.0.1", 0))))) {
            assertEquals(2, running.server.addresses().size());
            try (RawClient client = RawClient.connect(running.server.addresses().get(0))) {
                client.send("GET /six HTTP/1.1\r\nHost: [::1]:" + running.port() + "\r\n\r\n");
                assertEquals("/six\n\n/six\n[::1]:" + running.port() + "\n", client.readResponse().bodyText());
            }
            try (RawClient client = RawClient.connect(running.server.addresses().get(1))) {
                client.send("GET /four HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals(200, client.readResponse().status());
            }
        }
    }

    @Test
    void remoteAddrOfIpv6IsInCanonicalForm() throws Exception {
        assumeTrue(ipv6Available(), "no IPv6 loopback on this machine");
        Application app = (environ, start) -> {
            start.start("200 OK", List.of());
            return Body.of(environ.remoteAddr());
        };
        try (RunningServer running = new RunningServer(app, c -> c.withBinds(List.of(new InetSocketAddress("::1", 0))));
             RawClient client = running.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("::1", client.readResponse().bodyText());
        }
    }

    private static boolean ipv6Available() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
