package io.gatehouse.server;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/spec.md 7: a streamed body's chunk reaches the client before the server asks for the next
 * one. The app below makes its second chunk only once the client has seen the first, so a server
 * that holds chunks back would deadlock here and the read would time out.
 */
class StreamingTest {

    @Test
    void eachChunkOfAStreamedBodyIsSentBeforeTheNextIsAskedFor() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        Iterable<byte[]> chunks = () -> new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < 2;
            }

            @Override
            public byte[] next() {
                if (made == 2) {
                    throw new NoSuchElementException();
                }
                if (made++ == 1) {
                    try {
                        if (!clientSawFirst.await(10, TimeUnit.SECONDS)) {
                            return "late\n".getBytes(StandardCharsets.US_ASCII);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "second\n".getBytes(StandardCharsets.US_ASCII);
                }
                return "first\n".getBytes(StandardCharsets.US_ASCII);
            }
        };
        try (RunningServer running = new RunningServer((environ, start) -> {
                start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
                return Body.of(chunks, () -> { });
            });
             Socket socket = new Socket(running.server.addresses().getFirst().getAddress(),
                 running.server.addresses().getFirst().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String seen = readUntil(in, "first\n");
            assertTrue(seen.contains("Transfer-Encoding: chunked"), seen);
            clientSawFirst.countDown();
            String rest = readUntil(in, "0\r\n\r\n");
            assertTrue(rest.contains("second\n"), rest);
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + seen);
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.US_ASCII);
    }
}
