package examples.rawsocket;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawSocketServerTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void answersEveryConnectionWithTheFixedResponseAndPrintsTheRequest() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        RawSocketServer server = RawSocketServer.bind(0, new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertNotEquals(0, server.port());
            Future<?> serving = executor.submit(() -> {
                server.serveForever();
                return null;
            });
            assertEquals("HTTP/1.1 200 OK\r\n\r\nSample Response to be parsed!\n", exchange(server.port(), REQUEST));
            assertEquals("HTTP/1.1 200 OK\r\n\r\nSample Response to be parsed!\n", exchange(server.port(), "x"));
            server.close();
            serving.get(10, TimeUnit.SECONDS);   // closing ends serveForever() normally
        } finally {
            server.close();
            executor.shutdownNow();
        }
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.startsWith(REQUEST + "\n"), log);
        assertTrue(log.endsWith("\nx\n"), log);
    }

    @Test
    void rejectsAPortThatIsNoNumber() {
        IllegalArgumentException failure =
            assertThrows(IllegalArgumentException.class, () -> RawSocketServer.main(new String[] {"http"}));
        assertEquals("rawsocket: 'http' is not a port (0-65535)", failure.getMessage());
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
