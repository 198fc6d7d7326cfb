package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad config file or GATEHOUSE_ARGS is one line naming the source, the line and the key; exit 2. */
class ConfigErrorsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        Path file = toml("app = \"examples.hello.HelloApp\"\n\nwokers = 4\n");
        String line = fails(file);
        assertTrue(line.startsWith("gatehouse: " + file + ":3: wokers: unknown key; expected app or a serve "
            + "setting ("), line);
        assertTrue(line.contains(", bind, ") && line.contains(", workers, "), line);
    }

    @Test
    void aBadValueSaysWhatIsExpected() throws IOException {
        Path file = toml("workers = 2\nlimit-request-line = \"abc\"\n");
        assertEquals("gatehouse: " + file + ":2: limit-request-line: 'abc' is not a whole number (expected BYTES)",
            fails(file));
    }

    @Test
    void aValueOutOfRangeSaysTheRange() throws IOException {
        Path file = toml("limit-request-fields = 0\n");
        assertEquals("gatehouse: " + file + ":1: limit-request-fields: '0' must be a whole number from 1 to "
            + "2147483647 (expected COUNT)", fails(file));
    }

    @Test
    void anArrayForASingleSettingIsRefused() throws IOException {
        Path file = toml("workers = [1, 2]\n");
        assertEquals("gatehouse: " + file + ":1: workers: expected one COUNT, got an array", fails(file));
    }

    @Test
    void aTableIsAnUnknownKey() throws IOException {
        Path file = toml("# comment\n[server]\nworkers = 1\n");
        assertTrue(fails(file).startsWith("gatehouse: " + file + ":2: server: unknown key; "),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFileCannotNameAnotherFile() throws IOException {
        Path file = toml("config = \"other.toml\"\n");
        assertTrue(fails(file).startsWith("gatehouse: " + file + ":1: config: unknown key; "),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void notTomlIsNamedWithItsLine() throws IOException {
        Path file = toml("workers = 1\nkeep-alive = = 2\n");
        assertTrue(fails(file).startsWith("gatehouse: " + file + ":2: not valid TOML: "),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("missing.toml");
        assertEquals("gatehouse: " + file + ": no such config file", fails(file));
    }

    @Test
    void aBadValueInTheEnvironmentNamesTheVariable() {
        assertEquals("gatehouse: GATEHOUSE_ARGS: Invalid value for option '--keep-alive': 'soon' is not a number "
            + "of seconds", failsWithEnv("--keep-alive soon"));
    }

    @Test
    void anUnknownFlagInTheEnvironmentNamesTheVariable() {
        assertEquals("gatehouse: GATEHOUSE_ARGS: Unknown option: '--wokers'", failsWithEnv("--wokers 2"));
    }

    @Test
    void anUnclosedQuoteInTheEnvironmentNamesTheVariable() {
        assertEquals("gatehouse: GATEHOUSE_ARGS: a single quote is not closed", failsWithEnv("--bind '[::1]:80"));
    }

    private Path toml(String text) throws IOException {
        Path file = dir.resolve("gatehouse.toml");
        Files.writeString(file, text);
        return file;
    }

    private String fails(Path file) {
        return fails(Map.of(), "check", file.toString());
    }

    private String failsWithEnv(String value) {
        return fails(Map.of("GATEHOUSE_ARGS", value), "check");
    }

    private String fails(Map<String, String> env, String... args) {
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), env);
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, error);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, error.lines().count(), error);
        return error.strip();
    }
}
