package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --preload}: the master loads the application first and fails fast, before any worker. */
@Timeout(60)
class PreloadTest {

    @TempDir
    Path dir;

    @Test
    void anApplicationThatCannotLoadFailsInTheMasterWithOneLineAndExit3BeforeAnyWorker() throws Exception {
        try (MasterProcess master = MasterProcess.start(dir, List.of("no.such.Application", "--bind", "127.0.0.1:0",
                "--workers", "2", "--preload"))) {
            assertEquals(WorkerMain.BOOT_FAILURE, master.awaitExit());
            assertEquals("gatehouse: --preload: application class no.such.Application cannot be loaded: "
                + "java.lang.ClassNotFoundException: no.such.Application", master.log().strip());
        }
    }

    @Test
    void anApplicationThatFailsInItsConstructorFailsFastToo() throws Exception {
        try (MasterProcess master = MasterProcess.start(dir, List.of(FailingApplication.class.getName(),
                "--bind", "127.0.0.1:0", "--preload"))) {
            assertEquals(WorkerMain.BOOT_FAILURE, master.awaitExit());
            String log = master.log().strip();
            assertTrue(log.startsWith("gatehouse: --preload: " + FailingApplication.class.getName()
                + " failed in its constructor: java.lang.IllegalStateException: no database"), log);
            assertTrue(log.lines().count() == 1 && !log.contains("Booting"), log);
        }
    }

    @Test
    void aLoadableApplicationIsPreloadedThenServedByWorkers() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1", "--preload")) {
            int port = master.port();
            master.awaitReady(1);
            assertTrue(Http.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    /** An application whose constructor throws, as one would whose database is down. */
    public static final class FailingApplication implements io.gatehouse.spec.Application {
        /** Fails. */
        public FailingApplication() {
            throw new IllegalStateException("no database");
        }

        @Override
        public io.gatehouse.spec.Body call(io.gatehouse.spec.Environ environ, io.gatehouse.spec.StartResponse start) {
            throw new AssertionError("never constructed");
        }
    }
}
