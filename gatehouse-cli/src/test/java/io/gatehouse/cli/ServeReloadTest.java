package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGHUP re-reads the config file: new workers serve with the new settings; a bad file changes nothing. */
class ServeReloadTest {

    private static final String LONG_PATH = "/" + "a".repeat(99);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aReloadAppliesTheEditedConfigFileToNewWorkers() throws Exception {
        Path config = dir.resolve("gatehouse.toml");
        write(config, """
            workers = 1
            bind = "127.0.0.1:0"
            limit-request-line = 200
            graceful-timeout = 1
            """);
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "--config", config.toString())) {
            int port = serve.port();
            serve.awaitLog(ServeProcess.READY, 1);
            serve.awaitLog(Pattern.compile("serving examples.hello.HelloApp with --bind=127.0.0.1:0 "
                + "--limit-request-line=200 --graceful-timeout=1\\n"), 1);
            assertTrue(ServeProcess.get(port, LONG_PATH).startsWith("HTTP/1.1 200 OK\r\n"));

            write(config, """
                workers = 1
                bind = "127.0.0.1:0"
                limit-request-line = 64
                graceful-timeout = 7
                """);
            serve.signal("HUP");
            serve.awaitLog(Pattern.compile("Reload to generation 1 complete"), 1);
            serve.awaitLog(Pattern.compile("serving examples.hello.HelloApp with --bind=127.0.0.1:0 "
                + "--limit-request-line=64 --graceful-timeout=7\\n"), 1);
            // RFC 9112 section 3: a request line over the limit gets 414 from the new worker.
            String refused = ServeProcess.get(port, LONG_PATH);
            assertTrue(refused.startsWith("HTTP/1.1 414 "), refused);

            write(config, "wokers = 1\n");
            serve.signal("HUP");
            serve.awaitLog(Pattern.compile("not reloading, keeping the current settings: " + Pattern.quote(
                config + ":1: wokers: unknown key")), 1);
            assertTrue(ServeProcess.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            assertTrue(ServeProcess.get(port, LONG_PATH).startsWith("HTTP/1.1 414 "));

            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }

    /** Replaces the file in one step, as an editor that saves atomically does. */
    private void write(Path file, String text) throws IOException {
        Path fresh = dir.resolve("fresh.toml");
        Files.writeString(fresh, text);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
