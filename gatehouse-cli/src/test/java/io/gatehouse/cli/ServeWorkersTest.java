package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gatehouse serve --workers 2} end to end: a master and two worker JVMs, real sockets and signals. */
class ServeWorkersTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void twoWorkersAnswerWithTheServeSettingsAndStopOnTerm() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp", "--workers", "2",
                "--bind", "127.0.0.1:0", "--limit-request-line", "64", "--timeout", "20")) {
            int port = serve.port();
            serve.awaitLog(ServeProcess.READY, 2);
            // Both workers got the serve settings but not the master's own.
            serve.awaitLog(Pattern.compile("serving examples.hello.HelloApp with --bind=127.0.0.1:0 "
                + "--limit-request-line=64\\n"), 2);
            String response = ServeProcess.get(port, "/");
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\nHello, World!\n"), response);
            // The limit reached the workers: a 65-byte request line is refused (RFC 9112 section 3).
            String tooLong = ServeProcess.get(port, "/" + "a".repeat(64));
            assertTrue(tooLong.startsWith("HTTP/1.1 414 "), tooLong);
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }
}
