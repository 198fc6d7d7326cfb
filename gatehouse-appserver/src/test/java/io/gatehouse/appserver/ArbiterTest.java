package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The master with real worker JVMs and real signals; every wait is bounded. */
@Timeout(120)
class ArbiterTest {

    private static final Pattern READY = Pattern.compile("worker \\d+ is ready");

    @TempDir
    Path dir;

    @Test
    void twoWorkersShareTheMastersSocket() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "2")) {
            int port = master.port();
            master.awaitLog(READY, 2);
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
}
