package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A master with two binds, TCP and a Unix socket, and two workers running the real HTTP server:
 * each worker gets both sockets (descriptors 0 and 3) and answers on both.
 */
@Timeout(120)
class MultiBindWorkersTest {

    @TempDir
    Path dir;

    @Test
    void workersServeEveryBindTcpAndUnix() throws Exception {
        Path socket = dir.resolve("workers.sock");
        try (MasterProcess master = MasterProcess.start(dir, List.of(HelloApplication.class.getName(),
                "--bind", "127.0.0.1:0", "--bind", "unix:" + socket, "--workers", "2",
                "--worker-jvm-option=-Xshare:auto", "--worker-jvm-option=-XX:TieredStopAtLevel=1"))) {
            master.awaitReady(2);
            assertTrue(master.log().contains("Listening at: unix:" + socket + " ("), master.log());
            Set<String> workers = new HashSet<>(master.workerPids().stream().map(String::valueOf).toList());
            String overTcp = Http.body(Http.get(master.port(), "/"));
            String overUnix = unixGet(socket);
            assertTrue(workers.contains(overTcp), overTcp + " not one of " + workers);
            assertTrue(overUnix.startsWith("HTTP/1.1 200 OK\r\n"), overUnix);
            assertTrue(workers.contains(Http.body(overUnix)), overUnix);
            master.signal("TERM");
            assertEquals(0, master.awaitExit(), master.log());
        }
        assertFalse(Files.exists(socket), "the master removes the socket file at exit");
    }

    private static String unixGet(Path socket) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (channel.read(buffer.clear()) >= 0) {
                all.write(buffer.array(), 0, buffer.position());
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
