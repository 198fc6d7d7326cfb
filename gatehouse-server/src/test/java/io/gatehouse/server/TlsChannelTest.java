package io.gatehouse.server;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS channel alone, over a loopback socket pair. */
class TlsChannelTest {

    @Test
    void holdsNoRecordBufferWhileNothingWaits() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                 .bind(new InetSocketAddress("127.0.0.1", 0))) {
            CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                         .createSocket("127.0.0.1", listener.socket().getLocalPort())) {
                    socket.setSoTimeout(5000);
                    socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    return new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SocketChannel accepted = listener.accept()) {
                TlsChannel tls = certificates.config().over(accepted);
                assertFalse(tls.holdsBuffers(), "nothing taken before the first read");
                ByteBuffer into = ByteBuffer.allocate(3);
                assertEquals(3, tls.read(into));
                assertTrue(tls.holdsBuffers(), "two bytes still wait");
                ByteBuffer rest = ByteBuffer.allocate(100);
                assertEquals(2, tls.read(rest));
                assertEquals("hello", new String(into.array(), StandardCharsets.US_ASCII)
                    + new String(rest.array(), 0, 2, StandardCharsets.US_ASCII));
                assertFalse(tls.holdsBuffers(), "everything read: the buffers went back to the pool");
                assertEquals(5, tls.write(ByteBuffer.wrap("world".getBytes(StandardCharsets.US_ASCII))));
                assertFalse(tls.holdsBuffers());
                assertEquals("world", client.get(10, TimeUnit.SECONDS));
                tls.close();
                assertFalse(accepted.isOpen());
            }
        }
    }
}
