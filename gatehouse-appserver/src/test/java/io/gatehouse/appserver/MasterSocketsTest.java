package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The master's listening sockets of every kind: Unix domain sockets and inherited descriptors. */
class MasterSocketsTest {

    @TempDir
    Path dir;

    @Test
    void aUnixSocketIsBoundListensAndItsFileIsRemovedAtClose() throws Exception {
        Path path = dir.resolve("master.sock");
        try (ListeningSocket socket = ListeningSocket.bind(UnixDomainSocketAddress.of(path), 16);
             SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            assertEquals(UnixDomainSocketAddress.of(path), socket.address());
            assertTrue(client.isConnected(), "queued on the listening socket");
        }
        assertFalse(Files.exists(path), "the master removes the socket file it made");
    }

    @Test
    void aStaleUnixSocketFileIsReplacedAndALiveOneRefused() throws Exception {
        Path path = dir.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(path));
        dead.close();   // leaves the file, as a killed process would
        try (ListeningSocket socket = ListeningSocket.bind(UnixDomainSocketAddress.of(path), 16)) {
            IOException refused = assertThrows(IOException.class,
                () -> ListeningSocket.bind(UnixDomainSocketAddress.of(path), 16));
            assertEquals("cannot bind unix:" + path + ": a running process is listening on it", refused.getMessage());
        }
    }

    @Test
    void anInheritedDescriptorIsTakenWithTheAddressTheKernelReports() throws Exception {
        try (ListeningSocket original = ListeningSocket.bind(new InetSocketAddress("::1", 0), 16)) {
            ListeningSocket inherited = ListeningSocket.bind(new InheritedSocketAddress(original.fd()), 16);
            assertEquals(original.address(), inherited.address());
            assertEquals(original.fd(), inherited.fd());
        }
        Path path = dir.resolve("inherited.sock");
        try (ListeningSocket original = ListeningSocket.bind(UnixDomainSocketAddress.of(path), 16)) {
            assertEquals(UnixDomainSocketAddress.of(path), ListeningSocket.inherit(original.fd()).address());
        }
    }

    @Test
    void aDescriptorThatIsNotASocketIsRefusedByName() {
        IOException failure = assertThrows(IOException.class, () -> ListeningSocket.inherit(2));
        assertTrue(failure.getMessage().startsWith("fd://2 is not a socket: "), failure.getMessage());
    }
}
