package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test: load on the master's address through five reloads, max-requests
 * recycling and a graceful stop, with zero failed requests.
 */
@Timeout(150)
class ZeroDowntimeTest {

    private static final int RELOADS = 5;
    private static final Pattern RECYCLED = Pattern.compile("stopping gracefully \\(max-requests\\)");

    @TempDir
    Path dir;

    @Test
    void reloadsRecyclingAndGracefulStopUnderLoadLoseNoRequest() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2",
                "--max-requests", "2000", "--max-requests-jitter", "500", "--graceful-timeout", "20")) {
            run(master, "fixed-response worker");
        }
    }

    @Test
    void theSameWithTheHttpServerInTheWorkers() throws Exception {
        try (MasterProcess master = MasterProcess.start(dir, List.of(HelloApplication.class.getName(),
                "--bind", "127.0.0.1:0", "--workers", "2", "--max-requests", "2000", "--max-requests-jitter", "500",
                "--graceful-timeout", "20", "--worker-jvm-option=-Xshare:auto",
                "--worker-jvm-option=-XX:TieredStopAtLevel=1"))) {
            run(master, "HTTP server worker");
        }
    }

    static void run(MasterProcess master, String label) throws Exception {
        int port = master.port();
        master.awaitReady(2);
        long started = System.nanoTime();
        List<Long> reloadMillis = new ArrayList<>();
        LoadGenerator load = new LoadGenerator(port, 4);
        try {
            for (int reload = 1; reload <= RELOADS; reload++) {
                awaitServed(load, load.served() + 200);
                master.signal("HUP");
                Matcher done = master.awaitLog(
                    Pattern.compile("Reload to generation " + reload + " complete in (\\d+) ms"), 1);
                reloadMillis.add(Long.parseLong(done.group(1)));
            }
            // Load continues until a worker has been recycled by max-requests (bounded by the log wait).
            master.awaitLog(RECYCLED, 1);
            awaitServed(load, load.served() + 200);
        } finally {
            // Graceful stop: no new requests from here; the ones in flight must all complete.
            load.closeAfter(() -> master.signal("TERM"));
        }
        int exit = master.awaitExit();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ZERO-DOWNTIME [%s]: %d requests served in %.1f s, %d errors, %d reloads"
                + " (reload times ms: %s), %d max-requests recycles, %d idle keep-alive closes retried,"
                + " graceful stop exit %d%n", label, load.served(), seconds, load.errors().size(), RELOADS,
            reloadMillis, master.count(RECYCLED), load.idleCloseRetries(), exit);
        if (!load.errors().isEmpty()) {
            // The master's log (its workers' lines included) is what explains a lost request.
            System.out.println("master log:\n" + master.log());
        }
        assertEquals(List.of(), load.errors(), "failed requests");
        assertEquals(0, exit);
        assertTrue(load.served() > 1000, "the load ran: " + load.served());
    }

    private static void awaitServed(LoadGenerator load, long count) throws InterruptedException {
        long deadline = System.nanoTime() + MasterProcess.WAIT.toNanos();
        while (load.served() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(load.served() >= count, "load stalled at " + load.served());
    }
}
