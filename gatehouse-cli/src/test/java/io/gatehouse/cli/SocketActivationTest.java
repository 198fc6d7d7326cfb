package io.gatehouse.cli;

import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gatehouse serve} started the way systemd starts a socket-activated service, by systemd's
 * own {@code systemd-socket-activate}: it listens, and on the first connection execs the service
 * with the socket on descriptor 3 and LISTEN_FDS/LISTEN_PID set. That first connection waits in the
 * socket's queue and must be answered.
 */
@Timeout(120)
class SocketActivationTest {

    private static final String APP = "io.gatehouse.cli.fixtures.WhoAmI";
    private static final String EXPECTED = "remote_addr=127.0.0.1\nurl_scheme=http\nproxy=null\n";

    @Test
    void listenFdsSocketsAreServedInsteadOfTheBinds() throws Exception {
        int port = freePort();
        CompletableFuture<String> first = firstRequest(port);
        // The --bind would fail (no such directory): it must be ignored in favour of LISTEN_FDS.
        try (RunningServe gatehouse = RunningServe.start(activate(port), APP, "--bind", "unix:/nonexistent/gh.sock")) {
            assertEquals(EXPECTED, first.get(60, TimeUnit.SECONDS));
            assertEquals(port, gatehouse.port(), gatehouse.output().toString());
            assertTrue(gatehouse.output().contains(
                "gatehouse: serving the 1 socket(s) systemd passed (LISTEN_FDS); --bind is ignored"), gatehouse.output().toString());
        }
    }

    @Test
    void bindFdNServesTheInheritedDescriptor() throws Exception {
        int port = freePort();
        CompletableFuture<String> first = firstRequest(port);
        List<String> withoutSystemdVariables = new java.util.ArrayList<>(activate(port));
        withoutSystemdVariables.addAll(List.of("env", "-u", "LISTEN_FDS", "-u", "LISTEN_PID"));
        try (RunningServe gatehouse = RunningServe.start(withoutSystemdVariables, APP, "--bind", "fd://3")) {
            assertEquals(EXPECTED, first.get(60, TimeUnit.SECONDS));
            assertEquals(port, gatehouse.port(), gatehouse.output().toString());
        }
    }

    @Test
    void aDescriptorThatIsNotASocketIsOneLineAndExitCode4() throws Exception {
        Process serve = new ProcessBuilder(java(), "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "serve", APP, "--bind", "fd://999").redirectErrorStream(true).start();
        String output = new String(serve.getInputStream().readAllBytes());
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        assertEquals(4, serve.exitValue(), output);
        assertTrue(output.startsWith("gatehouse: fd://999 is not a socket: getsockname") && output.lines().count() == 1,
            output);
    }

    private static List<String> activate(int port) {
        return List.of("systemd-socket-activate", "-l", "127.0.0.1:" + port);
    }

    /** Connects as soon as the socket exists (before Gatehouse runs) and waits for the answer. */
    private static CompletableFuture<String> firstRequest(int port) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (RawClient client = RawClient.connect(new InetSocketAddress("127.0.0.1", port))) {
                    return client.timeout(Duration.ofSeconds(60))
                        .send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").readResponse().bodyText();
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("nothing listened on " + port, e);
                    }
                    sleep();
                }
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
