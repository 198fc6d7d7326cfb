package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worker deaths, boot failures, hung workers and resizing, with real worker JVMs. */
@Timeout(120)
class SupervisionTest {


    @TempDir
    Path dir;

    @Test
    void connectionsQueuedOnTheSharedSocketSurviveAWorkerKilledWithSigkill() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2")) {
            int port = master.port();
            master.awaitReady(2);
            List<Long> workers = master.workerPids();
            assertEquals(2, workers.size());
            // Freeze both workers: new connections can only wait in the kernel's accept queue.
            for (long pid : workers) {
                Libc.kill(pid, 19); // SIGSTOP
            }
            List<Socket> queued = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
                queued.add(socket);
            }
            Libc.kill(workers.get(0), Signals.KILL);
            Libc.kill(workers.get(1), 18); // SIGCONT
            for (Socket socket : queued) {
                try (socket; InputStream in = socket.getInputStream()) {
                    String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), "queued connection answered: " + response);
                }
            }
            master.awaitLog(Pattern.compile("worker " + workers.get(0) + " exited unexpectedly with signal 9; replacing it"), 1);
            master.awaitReady(3);
            assertEquals(2, master.workerPids().size());
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void workersThatCannotBootAreRetriedWithBackOffThenTheMasterGivesUp() throws Exception {
        try (MasterProcess master = MasterProcess.start(dir, List.of("no.such.Application", "--bind", "127.0.0.1:0",
                "--workers", "2", "--max-boot-failures", "3"))) {
            assertEquals(Arbiter.EXIT_WORKERS_CANNOT_BOOT, master.awaitExit());
            String log = master.log();
            assertTrue(log.contains("failed to boot: application class no.such.Application cannot be loaded"), log);
            assertTrue(log.contains("failed to boot (1 in a row); next try in 100 ms"), log);
            assertTrue(log.contains("failed to boot (2 in a row); next try in 200 ms"), log);
            assertTrue(log.contains("Workers failed to boot 3 times in a row; giving up"), log);
            assertTrue(!log.contains("\tat "), "no stack trace for a missing class: " + log);
        }
    }

    @Test
    void ttinAddsAWorkerAndTtouRetiresOne() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1")) {
            master.port();
            master.awaitReady(1);
            master.signal("TTIN");
            master.awaitReady(2);
            assertEquals(2, master.workerPids().size());
            master.signal("TTOU");
            master.awaitLog(Pattern.compile("Retiring worker \\d+"), 1);
            master.awaitLog(Pattern.compile("worker \\d+ exited with code 0"), 1);
            assertEquals(1, master.workerPids().size());
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void aWorkerThatStopsBeatingHasItsThreadsDumpedThenIsKilledAndReplaced() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1", "--timeout", "2",
                "--log-level", "debug",
                "--worker-jvm-option=-Djdk.virtualThreadScheduler.parallelism=1",
                "--worker-jvm-option=-Djdk.virtualThreadScheduler.maxPoolSize=1")) {
            int port = master.port();
            master.awaitReady(1);
            long hung = master.workerPids().getFirst();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                // The request pins the worker's only carrier thread in pause(): no more heartbeats.
                socket.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                master.awaitLog(Pattern.compile("worker " + hung + " has sent no heartbeat for 2 s"), 1);
                // --log-level debug: the master said once, at half the timeout, that the worker was late.
                String late = "[master] worker " + hung + " is late: no heartbeat for ";
                assertTrue(master.log().indexOf(late) >= 0
                    && master.log().indexOf(late) < master.log().indexOf("has sent no heartbeat"), master.log());
                assertEquals(master.log().indexOf(late), master.log().lastIndexOf(late), "reported once");
                master.awaitLog(Pattern.compile("end of thread dump of worker " + hung), 1);
                master.awaitLog(Pattern.compile("worker " + hung + " was killed after 2 s without a heartbeat"), 1);
            }
            String log = master.log();
            String dump = log.substring(log.indexOf("thread dump of worker " + hung + ":"));
            assertTrue(dump.contains("FixedResponseWorker$Connection.serve"), "the dump shows the stuck request: " + dump);
            assertTrue(dump.contains("\"gatehouse-heartbeat\" virtual"), "virtual threads are in the dump: " + dump);
            master.awaitReady(2);
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void workersStopWhenTheMasterDiesWithSigkill() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2")) {
            master.port();
            master.awaitReady(2);
            List<ProcessHandle> workers = master.workerPids().stream()
                .map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            Libc.kill(master.pid(), Signals.KILL);
            for (ProcessHandle worker : workers) {
                // The next beat finds the pipe broken; the orphan stops instead of lingering.
                worker.onExit().get(MasterProcess.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }
            master.awaitLog(Pattern.compile("stopping gracefully \\(master gone\\)"), 2);
        }
    }
}
