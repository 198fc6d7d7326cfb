package io.gatehouse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --bind unix:/path}: served over a Unix domain socket, whose file is managed at bind and stop. */
class UnixSocketTest {

    private static final String WHO = "HTTP/1.0 200 OK\r\nDate: <masked>\r\nServer: Gatehouse/0.1\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 62\r\n\r\n"
        + "REMOTE_ADDR=\nREMOTE_PORT=null\nSERVER=localhost:80\nSCHEME=http\n";

    @TempDir
    Path dir;

    @Test
    void servesOverAUnixSocketWithEmptyRemoteAddrAndNoRemotePort() throws Exception {
        Path socket = dir.resolve("gh.sock");
        try (RunningServer running = new RunningServer(WhoApp.APP,
            c -> c.withBinds(List.of(UnixDomainSocketAddress.of(socket))))) {
            assertEquals(List.of(UnixDomainSocketAddress.of(socket)), running.server.listening());
            assertEquals(List.of(), running.server.addresses());
            assertEquals(WHO, UnixClient.exchange(socket, "GET / HTTP/1.0\r\n\r\n"));
            assertEquals("HTTP/1.1 200 OK\r\nDate: <masked>\r\nServer: Gatehouse/0.1\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 64\r\nConnection: close\r\n\r\n"
                    + "REMOTE_ADDR=\nREMOTE_PORT=null\nSERVER=example.com:80\nSCHEME=http\n",
                UnixClient.exchange(socket, "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n"));
        }
        assertFalse(Files.exists(socket), "the server removes the socket file it created when it stops");
    }

    @Test
    void servesTcpAndUnixBindsTogether() throws Exception {
        Path socket = dir.resolve("both.sock");
        try (RunningServer running = new RunningServer(WhoApp.APP, c -> c.withBinds(List.of(
            new java.net.InetSocketAddress("127.0.0.1", 0), UnixDomainSocketAddress.of(socket))))) {
            assertEquals(2, running.server.listening().size());
            assertTrue(running.connect().send("GET / HTTP/1.0\r\n\r\n").readResponse().bodyText()
                .startsWith("REMOTE_ADDR=127.0.0.1\nREMOTE_PORT="));
            assertTrue(UnixClient.exchange(socket, "GET / HTTP/1.0\r\n\r\n").endsWith("REMOTE_ADDR=\nREMOTE_PORT=null\n"
                + "SERVER=localhost:80\nSCHEME=http\n"));
        }
    }

    @Test
    void aStaleSocketFileFromADeadProcessIsRemovedAtBind() throws Exception {
        Path socket = dir.resolve("stale.sock");
        // Closing a JDK channel leaves its file behind, as a crashed process would.
        ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        old.bind(UnixDomainSocketAddress.of(socket));
        old.close();
        assertTrue(Files.exists(socket));
        try (RunningServer running = new RunningServer(WhoApp.APP,
            c -> c.withBinds(List.of(UnixDomainSocketAddress.of(socket))))) {
            assertTrue(UnixClient.exchange(socket, "GET / HTTP/1.0\r\n\r\n").startsWith("HTTP/1.0 200 OK\r\n"));
        }
    }

    @Test
    void aSocketALiveProcessListensOnIsAnErrorNamingIt() throws Exception {
        Path socket = dir.resolve("live.sock");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket));
            Server server = new Server(ServerConfig.defaults().withBinds(List.of(UnixDomainSocketAddress.of(socket))),
                WhoApp.APP);
            IOException failure = assertThrows(IOException.class, server::start);
            assertEquals("cannot bind unix:" + socket + ": a running process is listening on it", failure.getMessage());
            assertTrue(Files.exists(socket), "the live socket's file is left alone");
        }
    }

    @Test
    void aFileThatIsNotASocketIsNeverRemoved() throws Exception {
        Path file = dir.resolve("data.sock");
        Files.writeString(file, "precious");
        Server server = new Server(ServerConfig.defaults().withBinds(List.of(UnixDomainSocketAddress.of(file))),
            WhoApp.APP);
        IOException failure = assertThrows(IOException.class, server::start);
        assertEquals("cannot bind unix:" + file + ": the file exists and is not a socket", failure.getMessage());
        assertEquals("precious", Files.readString(file));
    }
}
