package io.gatehouse.cli;

import io.gatehouse.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options of {@code static} and {@code cgi} turned into applications, checked without sockets. */
class StaticAndCgiCommandTest {

    @TempDir
    Path dir;

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void staticDefaultsToTheCurrentDirectoryOnLoopback8000() {
        CommandLine line = new CommandLine(new StaticCommand());
        line.parseArgs();
        assertEquals(".", line.getCommandSpec().positionalParameters().getFirst().getValue().toString());
        assertEquals("127.0.0.1:8000", line.getCommandSpec().findOption("--bind").getValue());
        assertEquals("/127.0.0.1:8000", StaticCommand.bindAddress("127.0.0.1:8000").toString());
    }

    @Test
    void staticOptionsReachTheFileApplication() throws Exception {
        Files.writeString(dir.resolve("a.css"), "css");
        Files.writeString(dir.resolve(".hidden"), "h");
        var listing = TestClient.of(parse(new StaticCommand(), dir.toString()).application());
        assertEquals(200, listing.get("/").send().status());
        assertEquals(404, listing.get("/.hidden").send().status());
        var strict = TestClient.of(parse(new StaticCommand(), dir.toString(), "--no-listing", "--hidden",
            "--cache", "*.css=max-age=60").application());
        assertEquals(404, strict.get("/").send().status());
        assertEquals("h", strict.get("/.hidden").send().text());
        assertEquals("max-age=60", strict.get("/a.css").send().header("Cache-Control"));
    }

    @Test
    void badStaticOptionsAreOneLineUsageErrors() {
        CommandFailure noDir = assertThrows(CommandFailure.class,
            () -> parse(new StaticCommand(), dir.resolve("nope").toString()).application());
        assertEquals(ExitCode.USAGE, noDir.exitCode());
        assertTrue(noDir.getMessage().endsWith("nope is not a directory"), noDir.getMessage());
        CommandFailure badRule = assertThrows(CommandFailure.class,
            () -> parse(new StaticCommand(), dir.toString(), "--cache", "nothing").application());
        assertEquals("--cache 'nothing' is not GLOB=VALUE", badRule.getMessage());
        assertEquals(ExitCode.USAGE, assertThrows(CommandFailure.class, () -> StaticCommand.bindAddress("x:y")).exitCode());
    }

    @Test
    void cgiRunsScriptsUnderThePrefix() throws Exception {
        Path script = dir.resolve("hi.sh");
        Files.writeString(script, "#!/bin/sh\nprintf 'Content-Type: text/plain\\n\\n%s|%s' \"$SCRIPT_NAME\" \"$PATH_INFO\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var client = TestClient.of(parse(new CgiCommand(), dir.toString()).application());
        assertEquals("/cgi-bin/hi.sh|/x", client.get("/cgi-bin/hi.sh/x").send().text());
        assertEquals(404, client.get("/hi.sh").send().status());
        var tools = TestClient.of(parse(new CgiCommand(), dir.toString(), "--prefix", "/tools").application());
        assertEquals("/tools/hi.sh|", tools.get("/tools/hi.sh").send().text());
    }

    @Test
    void badCgiOptionsAreOneLineUsageErrors() {
        assertEquals("--prefix 'tools/' must start with '/' and not end with '/'", assertThrows(CommandFailure.class,
            () -> parse(new CgiCommand(), dir.toString(), "--prefix", "tools/").application()).getMessage());
        assertEquals("--timeout must be greater than 0, got 0", assertThrows(CommandFailure.class,
            () -> parse(new CgiCommand(), dir.toString(), "--timeout", "0").application()).getMessage());
    }

    @Test
    void helpDescribesBothCommands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CommandLine(new StaticCommand()).usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--no-listing"));
        out.reset();
        new CommandLine(new CgiCommand()).usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--prefix=PATH"));
    }
}
