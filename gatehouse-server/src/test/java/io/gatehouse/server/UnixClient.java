package io.gatehouse.server;

import io.gatehouse.testing.RawClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Sends exact bytes over a Unix domain socket and reads until the server closes, bounded in time. */
final class UnixClient {

    private UnixClient() {
    }

    /** @return everything the server sent before closing, the Date value masked */
    static String exchange(Path socket, String request) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (channel.read(buffer.clear()) >= 0) {
                    received.write(buffer.array(), 0, buffer.position());
                }
                return RawClient.maskDate(received.toString(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
