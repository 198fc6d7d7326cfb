package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --user}, {@code --group}, {@code --umask}; the drop itself needs the tests to run as root. */
@Timeout(90)
class PrivilegesTest {

    @TempDir
    Path dir;

    @Test
    void workersRunAsNobodyAndServeThePrivilegedPortTheMasterBoundAsRoot() throws Exception {
        assumeTrue(Libc.geteuid() == 0, "dropping privileges needs root");
        Libc.Account nobody = Libc.user("nobody");
        assumeTrue(nobody != null, "no user 'nobody' here");
        int port = freePrivilegedPort();
        try (MasterProcess master = MasterProcess.startFixedOn(dir, "127.0.0.1:" + port, "--workers", "1",
                "--user", "nobody")) {
            assertEquals(port, master.port());
            master.awaitReady(1);
            long worker = master.workerPids().getFirst();
            String ids = "\t" + nobody.uid() + "\t" + nobody.uid() + "\t" + nobody.uid() + "\t" + nobody.uid();
            assertEquals("Uid:" + ids, statusLine(worker, "Uid:"), "real, effective, saved and filesystem uid");
            String gids = "\t" + nobody.gid() + "\t" + nobody.gid() + "\t" + nobody.gid() + "\t" + nobody.gid();
            assertEquals("Gid:" + gids, statusLine(worker, "Gid:"));
            assertEquals("Groups:\t" + nobody.gid(), statusLine(worker, "Groups:").strip());
            assertEquals("Uid:" + ids, statusLine(master.pid(), "Uid:"), "the master dropped too");
            assertTrue(Http.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void theUmaskAppliesToThePidFileTheMasterWrites() throws Exception {
        Path pidFile = dir.resolve("gatehouse.pid");
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1", "--umask", "077",
                "--pid-file", pidFile.toString())) {
            master.port();
            master.awaitReady(1);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pidFile)));
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void anUnknownUserIsOneLineAndTheMasterStartsNothing() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--user", "no-such-user-here")) {
            assertEquals(Arbiter.EXIT_STARTUP_FAILED, master.awaitExit());
            String log = master.log().strip();
            assertTrue(log.endsWith("[master] --user: no user 'no-such-user-here'"), log);
            assertEquals(1, log.lines().count(), log);
        }
    }

    @Test
    void badValuesAreOneLineEach() {
        assertEquals("--umask: '999' is not an octal mask from 0 to 777",
            assertThrows(IllegalArgumentException.class, () -> Privileges.parse(null, null, "999")).getMessage());
        assertEquals("--group: no group 'no-such-group-here'", assertThrows(IllegalArgumentException.class,
            () -> Privileges.parse(null, "no-such-group-here", null).resolve()).getMessage());
        assertEquals(027, Privileges.parse(null, null, "0o027").umask());
        assertEquals(null, Privileges.NONE.resolve());
    }

    private static String statusLine(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
            .filter(line -> line.startsWith(field)).findFirst().orElseThrow();
    }

    /** A port below 1024 that nothing listens on: only root may bind it. */
    private static int freePrivilegedPort() {
        for (int port : List.of(981, 947, 923, 883, 857, 829, 797, 761)) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException e) {
                // taken; try the next
            }
        }
        throw new AssertionError("no free privileged port among the candidates");
    }
}
