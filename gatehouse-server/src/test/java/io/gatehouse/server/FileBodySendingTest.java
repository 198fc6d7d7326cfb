package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a {@code FileBody} leaves the server, without the Validator (which would wrap the body and
 * hide it from the file path): a small region joins the head in one write; a region larger than the
 * socket buffers reaches a client that reads slowly, whole, on a connection that stays usable.
 */
class FileBodySendingTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private Path file;
    private Server server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
        if (file != null) {
            Files.delete(file);
        }
    }

    private void serve(byte[] content) throws IOException {
        file = Files.createTempFile("gatehouse", ".bin");
        Files.write(file, content);
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Length", Integer.toString(content.length))));
            return environ.fileWrapper().wrap(FileChannel.open(file), 0, content.length);
        };
        server = new Server(ServerConfig.defaults()
            .withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
            .withErrorLog(new PrintStream(errors, true, StandardCharsets.UTF_8)), app);
        server.start();
    }

    @Test
    void smallFileLeavesWithItsHeadInOneWrite() throws Exception {
        byte[] content = pattern(4096);
        serve(content);
        try (Socket socket = new Socket()) {
            socket.connect(server.addresses().get(0));
            socket.getOutputStream().write(request("close"));
            byte[] all = socket.getInputStream().readAllBytes();
            assertArrayEquals(content, Arrays.copyOfRange(all, bodyStart(all), all.length));
        }
        assertEquals(1, server.stats().writes(), "head and 4 KiB body in one write");
    }

    @Test
    void largeFileReachesASlowReaderWholeAndTheConnectionStaysOpen() throws Exception {
        // Far more than the send and receive buffers: sendfile finds the socket full (EAGAIN under a
        // virtual thread) many times before the end.
        byte[] content = pattern(16 * 1024 * 1024);
        serve(content);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8 * 1024);
            socket.connect(server.addresses().get(0));
            socket.getOutputStream().write(request("keep-alive"));
            InputStream in = socket.getInputStream();
            byte[] head = readHead(in);
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200 OK\r\n"));
            byte[] body = new byte[content.length];
            for (int read = 0; read < body.length; ) {
                // Small reads keep the window nearly closed, so the server keeps finding the socket full.
                int n = in.read(body, read, Math.min(1024, body.length - read));
                assertTrue(n > 0, "connection ended after " + read + " of " + body.length + " bytes: " + errors);
                read += n;
            }
            assertArrayEquals(content, body);
            // The connection survived the stalls: a second request is answered on it.
            socket.getOutputStream().write(request("close"));
            byte[] second = in.readAllBytes();
            assertEquals(content.length, second.length - bodyStart(second));
        }
    }

    private static byte[] request(String connection) {
        return ("GET / HTTP/1.1\r\nHost: h\r\nConnection: " + connection + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes that do not repeat with any short period, so a misplaced block cannot compare equal. */
    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 12) + (i >>> 20));
        }
        return bytes;
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            assertTrue(b >= 0, "connection ended inside the head");
            head.write(b);
            byte[] h = head.toByteArray();
            if (h.length >= 4 && bodyStart(h) == h.length) {
                return h;
            }
        }
    }

    private static int bodyStart(byte[] bytes) {
        for (int i = 3; i < bytes.length; i++) {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
