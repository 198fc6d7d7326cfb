package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** defaults &lt; config file &lt; GATEHOUSE_ARGS &lt; command line, seen through {@code gatehouse check}. */
class ConfigPrecedenceTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void eachSourceOverridesTheOnesBefore() throws IOException {
        Path file = toml("""
            app = "examples.hello.HelloApp"
            workers = 2
            keep-alive = 3
            limit-request-line = 100
            bind = "127.0.0.1:8001"
            """);
        int code = run(Map.of("GATEHOUSE_ARGS", "--keep-alive 4 --limit-request-line '200'"),
            "check", file.toString(), "--limit-request-line", "300");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = lines();
        assertTrue(lines.contains("app = \"examples.hello.HelloApp\"  # file"), lines.toString());
        assertTrue(lines.contains("workers = 2  # file"), lines.toString());
        assertTrue(lines.contains("bind = [\"127.0.0.1:8001\"]  # file"), lines.toString());
        assertTrue(lines.contains("keep-alive = 4  # env"), lines.toString());
        assertTrue(lines.contains("limit-request-line = 300  # flag"), lines.toString());
        assertTrue(lines.contains("body-timeout = 30  # default"), lines.toString());
        assertTrue(lines.contains("# pid-file is not set  # default"), lines.toString());
        assertTrue(lines.contains("config = \"" + file + "\"  # flag"), lines.toString());
        assertEquals(ServeSettings.ALL.size() + 1, lines.size(), "one line per setting and one for app");
    }

    @Test
    void withNothingGivenEverySettingIsItsDefault() {
        assertEquals(0, run(Map.of(), "check"));
        for (String line : lines()) {
            assertTrue(line.endsWith("  # default"), line);
        }
        assertTrue(lines().contains("app = \"examples.hello.HelloApp\"  # default"));
    }

    @Test
    void aRepeatableSettingIsReplacedWholeByAHigherSource() throws IOException {
        Path file = toml("bind = [\"127.0.0.1:8001\", \"[::1]:8001\"]\n");
        assertEquals(0, run(Map.of(), "check", file.toString()));
        assertTrue(lines().contains("bind = [\"127.0.0.1:8001\", \"[::1]:8001\"]  # file"), lines().toString());
        out.reset();
        assertEquals(0, run(Map.of(), "check", file.toString(), "-b", "127.0.0.1:9"));
        assertTrue(lines().contains("bind = [\"127.0.0.1:9\"]  # flag"), lines().toString());
    }

    @Test
    void theConfigFileMayBeNamedInTheEnvironmentAndTheAppOnTheCommandLineWins() throws IOException {
        Path file = toml("app = \"no.such.App\"\nmax-requests = 1000\n");
        int code = run(Map.of("GATEHOUSE_ARGS", "--config \"" + file + "\""), "check", "--app",
            "examples.hello.HelloApp");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(lines().contains("max-requests = 1000  # file"), lines().toString());
        assertTrue(lines().contains("config = \"" + file + "\"  # env"), lines().toString());
        assertTrue(lines().contains("app = \"examples.hello.HelloApp\"  # flag"), lines().toString());
    }

    @Test
    void serveReadsTheSameSourcesAndFailsTheSameWay() throws IOException {
        Path file = toml("workers = 1\nkeep-alive = \"soon\"\n");
        assertEquals(2, run(Map.of(), "serve", "--config", file.toString()));
        assertEquals("gatehouse: " + file + ":2: keep-alive: 'soon' is not a number of seconds (expected SECONDS)\n",
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAppThatCannotBeLoadedFailsTheCheckWithExitCode3() throws IOException {
        Path file = toml("app = \"no.such.App\"\n");
        assertEquals(3, run(Map.of(), "check", file.toString()));
        assertEquals("gatehouse: no class 'no.such.App' on the class path\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void severalBindsWithWorkersAreRefusedByCheckAsByServe() throws IOException {
        Path file = toml("workers = 2\nbind = [\"127.0.0.1:8001\", \"[::1]:8001\"]\n");
        assertEquals(2, run(Map.of(), "check", file.toString()));
        assertEquals("gatehouse: --workers serves one --bind address for now, got 2\n",
            err.toString(StandardCharsets.UTF_8));
    }

    private Path toml(String text) throws IOException {
        Path file = dir.resolve("gatehouse-" + System.nanoTime() + ".toml");
        Files.writeString(file, text);
        return file;
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
