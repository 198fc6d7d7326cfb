package io.gatehouse.appserver;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --hooks}: each hook fires at its moment; a failing hook is logged and harms nothing. */
@Timeout(120)
class HooksTest {

    @TempDir
    Path dir;

    @Test
    void theMasterRunsOnStartingWhenReadyChildExitAndOnExitInThatOrder() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1",
                "--hooks", RecordingHooks.class.getName())) {
            int port = master.port();
            master.awaitLog(Pattern.compile("hook: whenReady port " + port), 1);
            long worker = master.workerPids().getFirst();
            Libc.kill(worker, Signals.KILL);
            master.awaitLog(Pattern.compile("hook: childExit " + worker + " 137"), 1);
            master.awaitReady(2);
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
            List<String> hooks = master.log().lines().filter(line -> line.startsWith("hook: "))
                .map(line -> line.replaceAll("\\d+", "N")).toList();
            assertEquals(List.of("hook: onStarting", "hook: whenReady port N", "hook: childExit N N",
                "hook: childExit N N", "hook: onExit N"), hooks);
            assertTrue(master.log().indexOf("hook: onStarting") < master.log().indexOf("Listening at"),
                "onStarting runs before the socket is bound");
        }
    }

    @Test
    void hooksThatThrowAreLoggedByNameAndTheMasterCarriesOn() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--workers", "1",
                "--hooks", RecordingHooks.Throwing.class.getName())) {
            int port = master.port();
            master.awaitReady(1);
            assertTrue(Http.get(port, "/").startsWith("HTTP/1.1 200 OK\r\n"));
            master.awaitLog(Pattern.compile("hook whenReady of .*Throwing failed: "
                + "java.lang.IllegalStateException: boom when ready"), 1);
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
            String log = master.log();
            assertTrue(log.contains("gatehouse: hook onStarting of " + RecordingHooks.Throwing.class.getName()
                + " failed: java.lang.IllegalStateException: boom at start"), log);
            assertTrue(log.contains("hook childExit of"), log);
            assertTrue(log.contains("hook onExit of"), log);
            assertTrue(!log.contains("\tat "), "one line, no stack trace: " + log);
        }
    }

    @Test
    void aMissingHooksClassIsOneLine() throws Exception {
        try (MasterProcess master = MasterProcess.startFixed(dir, "--hooks", "no.such.Hooks")) {
            assertEquals(2, master.awaitExit());
            assertEquals("gatehouse: --hooks: no class 'no.such.Hooks' on the class path", master.log().strip());
        }
        IllegalArgumentException notHooks = assertThrows(IllegalArgumentException.class,
            () -> HookRunner.load(String.class.getName(), getClass().getClassLoader(), System.err));
        assertEquals("--hooks: 'java.lang.String' does not implement io.gatehouse.appserver.Hooks",
            notHooks.getMessage());
    }

    @Test
    void preRequestRunsBeforeTheAppAndPostRequestAfterTheBodyIsClosed() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Hooks hooks = new Hooks() {
            @Override
            public void preRequest(io.gatehouse.spec.Environ environ) {
                events.add("pre " + environ.pathInfo());
            }

            @Override
            public void postRequest(io.gatehouse.spec.Environ environ, String status) {
                events.add("post " + environ.pathInfo() + " " + status);
            }
        };
        Application app = (environ, start) -> {
            events.add("app");
            if (environ.pathInfo().equals("/fail")) {
                throw new IllegalStateException("app failed");
            }
            start.start("201 Created", List.of(Header.of("Content-Length", "2")));
            return Body.of(List.of("ok".getBytes(StandardCharsets.US_ASCII)), () -> events.add("body closed"));
        };
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Server server = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
            .withErrorLog(new PrintStream(errors, true, StandardCharsets.UTF_8)),
            new HookRunner(hooks, "test hooks", System.err).around(app));
        server.start();
        try {
            int port = server.addresses().getFirst().getPort();
            assertTrue(Http.get(port, "/one").startsWith("HTTP/1.1 201 Created\r\n"));
            assertTrue(Http.get(port, "/fail").startsWith("HTTP/1.1 500 "));
        } finally {
            server.stop();
        }
        assertEquals(List.of("pre /one", "app", "body closed", "post /one 201 Created",
            "pre /fail", "app", "post /fail null"), events);
    }

    @Test
    void aThrowingRequestHookIsLoggedAndTheRequestIsStillServed() throws Exception {
        Hooks failing = new Hooks() {
            @Override
            public void preRequest(io.gatehouse.spec.Environ environ) {
                throw new IllegalStateException("pre boom");
            }
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Application app = new HookRunner(failing, "com.example.Failing",
            new PrintStream(log, true, StandardCharsets.UTF_8)).around(new HelloApplication());
        Server server = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0))), app);
        server.start();
        try {
            assertTrue(Http.get(server.addresses().getFirst().getPort(), "/").startsWith("HTTP/1.1 200 OK\r\n"));
        } finally {
            server.stop();
        }
        assertEquals("gatehouse: hook preRequest of com.example.Failing failed: java.lang.IllegalStateException: "
            + "pre boom", log.toString(StandardCharsets.UTF_8).strip());
    }
}
