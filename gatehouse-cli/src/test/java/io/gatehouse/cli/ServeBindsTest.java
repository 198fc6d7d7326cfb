package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gatehouse serve} with several binds of every kind at once, each answered, checked with curl. */
@Timeout(120)
class ServeBindsTest {

    private static final Pattern IPV6 = Pattern.compile("http://\\[::1]:(\\d+)/");

    @Test
    void ipv4Ipv6AndAUnixSocketAreServedByOneProcess(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("gh.sock");
        try (RunningServe gatehouse = RunningServe.start("io.gatehouse.cli.fixtures.WhoAmI", "--bind", "127.0.0.1:0",
                "--bind", "[::1]:0", "--bind", "unix:" + socket, "--backlog", "16")) {
            String startup = gatehouse.output().getLast();
            assertTrue(startup.contains(", unix:" + socket + " (pid "), startup);
            Matcher v6 = IPV6.matcher(startup);
            assertTrue(v6.find(), startup);
            assertEquals("remote_addr=127.0.0.1\nurl_scheme=http\nproxy=null\n",
                curl("http://127.0.0.1:" + gatehouse.port() + "/"));
            assertEquals("remote_addr=::1\nurl_scheme=http\nproxy=null\n", curl("http://[::1]:" + v6.group(1) + "/"));
            assertEquals("remote_addr=\nurl_scheme=http\nproxy=null\n",
                curl("--unix-socket", socket.toString(), "http://localhost/"));
        }
        assertFalse(Files.exists(socket), "a graceful stop removes the socket file");
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), output);
        return output;
    }
}
