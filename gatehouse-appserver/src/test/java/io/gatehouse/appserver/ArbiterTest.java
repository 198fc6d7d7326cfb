package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The master with real worker JVMs and real signals; every wait is bounded. */
@Timeout(120)
class ArbiterTest {


    @TempDir
    Path dir;

    @Test
    void twoWorkersShareTheMastersSocket() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2")) {
            int port = master.port();
            master.awaitReady(2);
            Set<String> servedBy = new HashSet<>();
            for (int i = 0; i < 200 && servedBy.size() < 2; i++) {
                String response = Http.get(port, "/");
                assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
                servedBy.add(Http.body(response));
            }
            assertEquals(2, servedBy.size(), "both workers accept on the shared socket: " + servedBy);
            assertTrue(!servedBy.contains(Long.toString(master.pid())), "the master never serves");
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void sigintStopsWorkersAtOnceWithoutWaitingForTheGracePeriod() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2", "--graceful-timeout", "60")) {
            master.port();
            master.awaitReady(2);
            List<ProcessHandle> workers = master.workerPids().stream()
                .map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            master.signal("INT");
            assertEquals(0, master.awaitExit());
            assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "workers are gone too");
            String log = master.log();
            assertTrue(log.contains("[master] Handling signal: INT"), log);
            assertTrue(!log.contains("stopping gracefully"), "a quick stop is not graceful: " + log);
        }
    }

    @Test
    void sigtermLetsARequestInFlightFinishBeforeTheMasterExits() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1", "--graceful-timeout", "20")) {
            int port = master.port();
            master.awaitReady(1);
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                Thread.sleep(300);   // the request is in the worker's hands (sleeping 1.5 s) when TERM comes
                master.signal("TERM");
                String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
                assertTrue(response.contains("\r\nConnection: close\r\n"), "told to close: " + response);
            }
            assertEquals(0, master.awaitExit());
            assertTrue(!master.log().contains("outlived the stop period"), master.log());
        }
    }
}
