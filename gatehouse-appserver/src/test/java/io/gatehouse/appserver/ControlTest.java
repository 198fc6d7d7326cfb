package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pid file and {@code gatehouse ctl} against a real master. */
@Timeout(120)
class ControlTest {


    @TempDir
    Path dir;

    @Test
    void ctlReadsThePidFileToReportStatusReloadReopenLogsAndStop() throws Exception {
        Path pidFile = dir.resolve("gatehouse.pid");
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1", "--pid-file", pidFile.toString())) {
            master.port();
            master.awaitReady(1);
            assertEquals(master.pid() + "\n", Files.readString(pidFile));

            String status = ctl("status", pidFile);
            assertEquals("master " + master.pid() + " running; workers: " + master.workerPids().getFirst() + "\n", status);

            assertEquals("sent HUP to master " + master.pid() + "\n", ctl("reload", pidFile));
            master.awaitLog(Pattern.compile("Reload to generation 1 complete"), 1);

            ctl("reopen-logs", pidFile);
            master.awaitLog(Pattern.compile("Handling signal: USR1"), 1);

            assertEquals("sent TERM to master " + master.pid() + "\n", ctl("stop", pidFile));
            assertEquals(0, master.awaitExit());
            assertFalse(Files.exists(pidFile), "the pid file is removed at exit");
        }
    }

    @Test
    void ctlWithoutARunningMasterSaysSoInOneLine() throws Exception {
        Path pidFile = dir.resolve("stale.pid");
        Files.writeString(pidFile, "999999999\n");
        assertEquals(1, new CommandLine(new CtlCommand()).execute("status", "--pid-file", pidFile.toString()));
        assertEquals(1, new CommandLine(new CtlCommand()).execute("stop", "--pid-file", dir.resolve("none.pid").toString()));
        assertEquals(2, new CommandLine(new CtlCommand()).execute("explode", "--pid-file", pidFile.toString()));
    }

    @Test
    void aSecondMasterOnABusyAddressFailsWithOneLine() throws Exception {
        try (MasterProcess first = MasterProcess.startFixed(dir, "--workers", "1")) {
            int port = first.port();
            try (MasterProcess second = MasterProcess.start(dir, List.of(HelloApplication.class.getName(),
                    "--bind", "127.0.0.1:" + port))) {
                assertEquals(Arbiter.EXIT_STARTUP_FAILED, second.awaitExit());
                String log = second.log().strip();
                assertTrue(log.endsWith("[master] cannot bind /127.0.0.1:" + port + ": bind failed: Address already in use (errno 98)"), log);
                assertEquals(1, log.lines().count(), log);
            }
            first.signal("TERM");
            assertEquals(0, first.awaitExit());
        }
    }

    private static String ctl(String action, Path pidFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new CtlCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
            .execute(action, "--pid-file", pidFile.toString());
        assertEquals(0, code, "ctl " + action);
        return out.toString(StandardCharsets.UTF_8);
    }
}
