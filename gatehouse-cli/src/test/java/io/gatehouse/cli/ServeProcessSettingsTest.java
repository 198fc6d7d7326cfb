package io.gatehouse.cli;

import io.gatehouse.cli.fixtures.PrintingHooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The process settings through {@code gatehouse serve}, in real processes: workers and a single process. */
@Timeout(120)
class ServeProcessSettingsTest {

    private static final String HOOKS = PrintingHooks.class.getName();

    @TempDir
    Path dir;

    @Test
    void workersGetTheThreadsWorkerClassAndRunTheRequestHooksTheMasterRunsTheOthers() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp", "--workers", "1",
                "--bind", "127.0.0.1:0", "--hooks", HOOKS, "--worker-class", "threads", "--threads", "2")) {
            int port = serve.port();
            serve.awaitLog(Pattern.compile("hook: whenReady " + port), 1);
            assertTrue(ServeProcess.get(port, "/hi").startsWith("HTTP/1.1 200 OK\r\n"));
            serve.awaitLog(Pattern.compile("hook: preRequest /hi virtual=false"), 1);
            serve.awaitLog(Pattern.compile("hook: postRequest /hi 200 OK"), 1);
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
            String log = serve.log();
            assertTrue(log.indexOf("hook: onStarting") < log.indexOf("Listening at"), log);
            assertTrue(log.contains("hook: childExit 0") && log.contains("hook: onExit 0"), log);
        }
    }

    @Test
    void aSingleProcessRunsItsHooksOnVirtualThreadsByDefault() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp",
                "--bind", "127.0.0.1:0", "--hooks", HOOKS)) {
            int port = Integer.parseInt(serve.awaitLog(ServeProcess.SERVING, 1).group(1));
            serve.awaitLog(Pattern.compile("hook: whenReady " + port), 1);
            assertTrue(ServeProcess.get(port, "/one").startsWith("HTTP/1.1 200 OK\r\n"));
            serve.awaitLog(Pattern.compile("hook: postRequest /one 200 OK"), 1);
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
            String log = serve.log();
            assertTrue(log.contains("hook: onStarting\n") && log.contains("hook: preRequest /one virtual=true"), log);
            assertTrue(log.contains("hook: onExit 0"), log);
        }
    }

    @Test
    void preloadFailsInTheMasterWithExit3AndStartsNoWorker() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "no.such.App", "--workers", "2",
                "--bind", "127.0.0.1:0", "--preload")) {
            assertEquals(ExitCode.APP_NOT_LOADABLE.code(), serve.awaitExit());
            assertEquals("gatehouse: no class 'no.such.App' on the class path", serve.log().strip());
        }
    }

    @Test
    void aMissingHooksClassIsOneLineInEitherMode() throws Exception {
        for (String workers : new String[] {"0", "1"}) {
            try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp", "--workers", workers,
                    "--bind", "127.0.0.1:0", "--hooks", "no.such.Hooks")) {
                assertEquals(ExitCode.USAGE.code(), serve.awaitExit());
                assertEquals("gatehouse: --hooks: no class 'no.such.Hooks' on the class path", serve.log().strip());
            }
        }
    }

    @Test
    void aSingleProcessDropsToTheUserAfterBindingAndStillServes() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "dropping privileges needs root");
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp",
                "--bind", "127.0.0.1:0", "--user", "nobody", "--umask", "077")) {
            int port = Integer.parseInt(serve.awaitLog(ServeProcess.SERVING, 1).group(1));
            assertTrue(ServeProcess.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            String status = Files.readString(Path.of("/proc", Long.toString(serve.pid()), "status"));
            assertTrue(status.contains("\nUid:\t65534\t65534\t65534\t65534\n"), status);
            assertTrue(status.contains("\nUmask:\t0077\n"), status);
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }

    @Test
    void anUnknownUserIsOneLine() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp",
                "--bind", "127.0.0.1:0", "--user", "no-such-user-here")) {
            assertEquals(ExitCode.USAGE.code(), serve.awaitExit());
            assertEquals("gatehouse: --user: no user 'no-such-user-here'", serve.log().strip());
        }
    }

    @Test
    void reloadWithoutWorkersRunsAMasterWithOneWorker() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp",
                "--bind", "127.0.0.1:0", "--reload")) {
            int port = serve.port();
            serve.awaitLog(ServeProcess.READY, 1);
            serve.awaitLog(Pattern.compile("--reload: watching \\d+ directories"), 1);
            assertTrue(ServeProcess.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }
}
