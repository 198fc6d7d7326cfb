package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        serve --keep-alive 0      | gatehouse: Invalid value for option '--keep-alive': '0' must be more than 0 seconds; see 'gatehouse serve --help'
        serve --keep-alive soon   | gatehouse: Invalid value for option '--keep-alive': 'soon' is not a number of seconds; see 'gatehouse serve --help'
        serve --bind ::1:80       | gatehouse: Invalid value for option '--bind' (HOST:PORT): '::1:80': write an IPv6 address in brackets, e.g. [::1]:8000; see 'gatehouse serve --help'
        serve --limit-request-line 0 | gatehouse: Invalid value for option '--limit-request-line': '0' must be a whole number from 1 to 2147483647; see 'gatehouse serve --help'
        serve --classpath /no/such/dir | gatehouse: Invalid value for option '--classpath' (PATH): '/no/such/dir' does not exist; see 'gatehouse serve --help'
        serve --workers -1        | gatehouse: Invalid value for option '--workers': '-1' must be a whole number from 0 to 1024; see 'gatehouse serve --help'
        serve a.B c.D             | gatehouse: Unmatched argument at index 2: 'c.D'; see 'gatehouse serve --help'
        serve --bind              | gatehouse: Missing required parameter for option '--bind' (HOST:PORT); see 'gatehouse serve --help'
        frobnicate                | gatehouse: Unmatched argument at index 0: 'frobnicate'; see 'gatehouse --help'
        run-example nope          | gatehouse: no example 'nope'; try: rawsocket
        run-example rawsocket x   | gatehouse: rawsocket: 'x' is not a port (0-65535)
        """)
    void aBadCommandLineIsOneLineAndExitCode2(String args, String message) {
        assertEquals(2, run(args.split(" ")));
        assertEquals(message + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        no.such.App                   | gatehouse: no class 'no.such.App' on the class path
        java.lang.String              | gatehouse: 'java.lang.String' is not an Application and has no public static 'app' or 'application' (it is a java.lang.String)
        java.lang.String:CASE_INSENSITIVE_ORDER | gatehouse: 'java.lang.String:CASE_INSENSITIVE_ORDER' is not an Application (it is a java.lang.String$CaseInsensitiveComparator)
        java.lang.String:app          | gatehouse: 'java.lang.String:app' names no public static field or method
        """)
    void anAppThatCannotBeLoadedIsOneLineAndExitCode3(String app, String message) {
        assertEquals(3, run("serve", app));
        assertEquals(message + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAppIsLoadedFromTheExtraClassPath() {
        // The fixtures are on the test class path already; a directory on --classpath must not hide them
        // and an unknown class there is still reported by name.
        assertEquals(3, run("serve", "--classpath", "target/test-classes", "fixtures.Missing"));
        assertEquals("gatehouse: no class 'fixtures.Missing' on the class path\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesTheProjectVersionAndJava() {
        assertEquals(0, run("--version"));
        String version = out.toString(StandardCharsets.UTF_8);
        assertTrue(version.matches("gatehouse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java 25[^)]*\\)\n"), version);
    }

    @Test
    void noSubcommandShowsTheUsageAndIsAUsageError() {
        assertEquals(2, run());
        String usage = err.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: gatehouse "), usage);
        assertTrue(usage.contains("serve"), usage);
        assertTrue(usage.contains("run-example"), usage);
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
