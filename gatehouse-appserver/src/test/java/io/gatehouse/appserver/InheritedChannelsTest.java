package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the JDK constructor {@link InheritedChannels} relies on for descriptors other than 0: a JDK
 * that changes it fails here, not in a deployment.
 */
class InheritedChannelsTest {

    @Test
    void aDescriptorBoundOutsideTheJdkBecomesAChannelThatAcceptsAndKnowsItsAddress() throws Exception {
        ListeningSocket socket = ListeningSocket.bind(new InetSocketAddress("127.0.0.1", 0), 16);
        try (ServerSocketChannel channel = InheritedChannels.adopt(socket.fd())) {
            assertEquals(socket.address(), channel.getLocalAddress());
            try (Socket client = new Socket("127.0.0.1", ((InetSocketAddress) socket.address()).getPort());
                 SocketChannel accepted = channel.accept()) {
                assertEquals(client.getLocalSocketAddress(), accepted.getRemoteAddress());
            }
        }
    }

    @Test
    void aDescriptorThatIsNotASocketIsOneLine() {
        IOException failure = assertThrows(IOException.class, () -> InheritedChannels.adopt(2));
        assertTrue(failure.getMessage().startsWith("fd://2 is not a socket: getsockname"), failure.getMessage());
    }

    @Test
    void systemdSocketsAreTakenOnlyWhenListenPidIsThisProcess() {
        assertEquals(List.of(new InheritedSocketAddress(3), new InheritedSocketAddress(4)),
            InheritedChannels.systemd(Map.of("LISTEN_FDS", "2", "LISTEN_PID", "42"), 42));
        assertEquals(List.of(), InheritedChannels.systemd(Map.of("LISTEN_FDS", "2", "LISTEN_PID", "41"), 42));
        assertEquals(List.of(), InheritedChannels.systemd(Map.of(), 42));
        assertThrows(IllegalArgumentException.class,
            () -> InheritedChannels.systemd(Map.of("LISTEN_FDS", "two", "LISTEN_PID", "42"), 42));
    }

    @Test
    void fdBindValuesAreParsedStrictly() {
        assertEquals(new InheritedSocketAddress(3), InheritedSocketAddress.parse("fd://3"));
        assertEquals("fd://3", new InheritedSocketAddress(3).toString());
        for (String bad : List.of("fd://", "fd://-1", "fd://x", "fd://1234567890")) {
            assertThrows(IllegalArgumentException.class, () -> InheritedSocketAddress.parse(bad), bad);
        }
    }
}
