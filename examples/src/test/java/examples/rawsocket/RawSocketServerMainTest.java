package examples.rawsocket;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the example as a user would, in its own JVM, on port 0, and talks to it over TCP. */
class RawSocketServerMainTest {

    @Test
    void printsTheBoundPortAndAnswersOnIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            RawSocketServer.class.getName(), "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher matcher = Pattern.compile("Serving your very own HTTP on port (\\d+) \\.\\.\\.").matcher(String.valueOf(first));
            assertTrue(matcher.matches(), first);
            int port = Integer.parseInt(matcher.group(1));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("GET /seed HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200 OK\r\n\r\nSample Response to be parsed!\n",
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertEquals("GET /seed HTTP/1.0", out.readLine());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the example did not stop on SIGTERM");
        }
    }
}
