package io.gatehouse.cli;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gatehouse serve --workers 2} with two binds, TCP and a Unix socket, and the PROXY protocol:
 * every worker serves both sockets the master bound, with the same proxy settings as one process.
 */
class ServeWorkersBindsTest {

    private static final String PROXY = "PROXY TCP4 203.0.113.9 192.0.2.1 4711 443\r\n";
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
        + "Connection: close\r\n\r\n";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void workersServeTcpAndUnixBindsWithThePROXYProtocol() throws Exception {
        Path socket = dir.resolve("workers.sock");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "io.gatehouse.cli.fixtures.WhoAmI",
                "--workers", "2", "--bind", "127.0.0.1:0", "--bind", "unix:" + socket, "--proxy-protocol")) {
            int port = serve.port();
            serve.awaitLog(ServeProcess.READY, 2);
            assertTrue(serve.log().contains("Listening at: unix:" + socket + " ("), serve.log());
            // The header's client is not a trusted proxy, so its X-Forwarded-Proto is ignored.
            String expected = "remote_addr=203.0.113.9\nurl_scheme=http\nproxy=null\n";
            String overTcp = tcp(port, PROXY + REQUEST);
            assertTrue(overTcp.startsWith("HTTP/1.1 200 OK\r\n") && overTcp.endsWith("\r\n\r\n" + expected), overTcp);
            String overUnix = unix(socket, PROXY + REQUEST);
            assertTrue(overUnix.startsWith("HTTP/1.1 200 OK\r\n") && overUnix.endsWith("\r\n\r\n" + expected), overUnix);
            assertEquals("", tcp(port, REQUEST), "a trusted peer without a PROXY header is closed");
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
        assertFalse(Files.exists(socket), "the master removes the socket file at exit");
    }

    private static String tcp(int port, String bytes) throws Exception {
        try (SocketChannel channel = SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port))) {
            return exchange(channel, bytes);
        }
    }

    private static String unix(Path socket, String bytes) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return exchange(channel, bytes);
        }
    }

    private static String exchange(SocketChannel channel, String bytes) throws Exception {
        channel.write(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (channel.read(buffer.clear()) >= 0) {
            all.write(buffer.array(), 0, buffer.position());
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
