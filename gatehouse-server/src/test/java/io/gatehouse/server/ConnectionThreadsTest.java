package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import io.gatehouse.testing.RawClient.RawResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two worker models: a virtual thread per connection, and a bounded pool of platform threads. */
class ConnectionThreadsTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";

    /** Holds every request until released; counts those inside and records the thread kind. */
    private static final class Gate implements Application {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean sawVirtualThread;

        @Override
        public Body call(io.gatehouse.spec.Environ environ, io.gatehouse.spec.StartResponse start) throws Exception {
            sawVirtualThread |= Thread.currentThread().isVirtual();
            inside.incrementAndGet();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            start.start("200 OK", List.of(Header.of("Content-Length", "2")));
            return Body.of("ok");
        }
    }

    @Test
    void withTwoThreadsAThirdRequestWaitsForAFreeThreadAndIsAnswered() throws Exception {
        Gate gate = new Gate();
        try (RunningServer running = new RunningServer(gate,
                c -> c.withConnectionThreads(ConnectionThreads.pool(2)))) {
            List<RawClient> clients = sendFrom(running, 3);
            awaitTrue(() -> running.server.stats().connectionsAccepted() == 3);
            awaitTrue(() -> gate.inside.get() == 2);
            Thread.sleep(100);
            assertEquals(2, gate.inside.get(), "the third request waits for a thread");
            gate.release.countDown();
            for (RawClient client : clients) {
                assertEquals("ok", client.readResponse().bodyText());
                client.close();
            }
            assertEquals(3, gate.inside.get());
            assertTrue(!gate.sawVirtualThread, "pool threads are platform threads");
        }
    }

    @Test
    void aFullQueueLeavesNewConnectionsInTheKernelUntilThereIsRoom() throws Exception {
        Gate gate = new Gate();
        try (RunningServer running = new RunningServer(gate,
                c -> c.withConnectionThreads(ConnectionThreads.pool(1)))) {
            List<RawClient> clients = sendFrom(running, 4);
            awaitTrue(() -> running.server.stats().connectionsAccepted() == 3);
            Thread.sleep(200);
            assertEquals(3, running.server.stats().connectionsAccepted(), "one connection on the thread, one"
                + " queued, one held by the waiting accept loop: the fourth is still in the kernel's queue");
            gate.release.countDown();
            for (RawClient client : clients) {
                assertEquals(200, client.readResponse().status());
                client.close();
            }
            assertEquals(4, running.server.stats().connectionsAccepted());
        }
    }

    @Test
    void aKeepAliveConnectionGivesUpItsThreadWhenOthersWaitAndKeepsItOtherwise() throws Exception {
        Gate gate = new Gate();
        try (RunningServer running = new RunningServer(gate,
                c -> c.withConnectionThreads(ConnectionThreads.pool(1)));
             RawClient first = running.connect().timeout(Duration.ofSeconds(10)).send(GET)) {
            awaitTrue(() -> gate.inside.get() == 1);
            RawClient second = running.connect().timeout(Duration.ofSeconds(10)).send(GET);
            awaitTrue(() -> running.server.stats().connectionsAccepted() == 2);
            gate.release.countDown();
            RawResponse crowded = first.readResponse();
            assertEquals("close", crowded.field("Connection"), "another waits: the thread is given up");
            assertTrue(first.closedByPeer());
            RawResponse alone = second.readResponse();
            assertEquals(null, alone.field("Connection"), "nobody waits: the connection stays open");
            assertEquals(200, second.send(GET).readResponse().status());
            second.close();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAtOnceWhenAnotherWaitsForItsThread() throws Exception {
        Gate gate = new Gate();
        gate.release.countDown();
        try (RunningServer running = new RunningServer(gate, c -> c.withConnectionThreads(ConnectionThreads.pool(1))
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60),
                    Duration.ofSeconds(60)));
             RawClient idle = running.connect().timeout(Duration.ofSeconds(10))) {
            assertEquals(200, idle.send(GET).readResponse().status());
            try (RawClient waiting = running.connect().timeout(Duration.ofSeconds(10)).send(GET)) {
                assertEquals("ok", waiting.readResponse().bodyText(), "answered long before the 60 s keep-alive");
            }
            assertTrue(idle.closedByPeer());
        }
    }

    @Test
    void anApplicationThatPinsItsThreadStillServesEveryRequest() throws Exception {
        Object lock = new Object();
        AtomicInteger served = new AtomicInteger();
        Application pinning = (environ, start) -> {
            synchronized (lock) {
                Thread.sleep(20);   // blocking while holding a monitor
                served.incrementAndGet();
            }
            start.start("200 OK", List.of(Header.of("Content-Length", "6")));
            return Body.of("pinned");
        };
        try (RunningServer running = new RunningServer(pinning,
                c -> c.withConnectionThreads(ConnectionThreads.pool(2)))) {
            List<RawClient> clients = sendFrom(running, 6);
            for (RawClient client : clients) {
                assertEquals("pinned", client.readResponse().bodyText());
                client.close();
            }
            assertEquals(6, served.get());
        }
    }

    @Test
    void aGracefulStopAnswersTheRunningTheQueuedAndTheKernelQueuedConnections() throws Exception {
        Gate gate = new Gate();
        RunningServer running = new RunningServer(gate, c -> c.withConnectionThreads(ConnectionThreads.pool(1))
            .withGracefulTimeout(Duration.ofSeconds(10)));
        List<RawClient> clients = sendFrom(running, 5);
        awaitTrue(() -> running.server.stats().connectionsAccepted() == 3 && gate.inside.get() == 1);
        Thread stopper = Thread.ofVirtual().start(running.server::stop);
        awaitTrue(() -> running.server.stats().connectionsAccepted() == 5);
        gate.release.countDown();
        for (RawClient client : clients) {
            RawResponse response = client.readResponse();
            assertEquals("ok", response.bodyText());
            assertEquals("close", response.field("Connection"));
            client.close();
        }
        stopper.join(10_000);
        running.server.awaitStop();
        assertThrows(Exception.class, () -> RawClient.connect(running.address()).send(GET).readResponse());
    }

    @Test
    void theDefaultIsAVirtualThreadPerConnection() throws Exception {
        Gate gate = new Gate();
        gate.release.countDown();
        try (RunningServer running = new RunningServer(gate); RawClient client = running.connect()) {
            assertEquals(200, client.send(GET).readResponse().status());
            assertTrue(gate.sawVirtualThread);
        }
        assertEquals(ConnectionThreads.VIRTUAL, ServerConfig.defaults().connectionThreads());
    }

    @Test
    void aPoolNeedsAtLeastOneThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionThreads.pool(0));
        assertEquals("threads must be at least 1, got 0", e.getMessage());
    }

    private static List<RawClient> sendFrom(RunningServer running, int count) throws Exception {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(running.connect().timeout(Duration.ofSeconds(10)).send(GET));
        }
        return clients;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 10 s");
            Thread.sleep(5);
        }
    }
}
