package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of the app server that need no child process. */
class PiecesTest {

    @TempDir
    Path dir;

    @Test
    void workerOptionsSurviveTheCommandLine() {
        WorkerOptions options = new WorkerOptions("com.example.Hello", Duration.ofMillis(2500), 1234,
            Duration.ofMillis(250));
        assertEquals(List.of("--app", "com.example.Hello", "--graceful-timeout-ms", "2500", "--max-requests", "1234",
            "--beat-interval-ms", "250"), options.toArguments());
        assertEquals(options, WorkerOptions.parse(options.toArguments().toArray(String[]::new)));
    }

    @Test
    void serveArgumentsFollowADoubleDashAndMayLookLikeWorkerOptions() {
        WorkerOptions options = new WorkerOptions("com.example.Hello", Duration.ofMillis(2500), 0,
            Duration.ofMillis(250), List.of("com.example.Hello", "--max-requests=5", "--keep-alive=2"));
        assertEquals(List.of("--app", "com.example.Hello", "--graceful-timeout-ms", "2500", "--max-requests", "0",
            "--beat-interval-ms", "250", "--", "com.example.Hello", "--max-requests=5", "--keep-alive=2"),
            options.toArguments());
        assertEquals(options, WorkerOptions.parse(options.toArguments().toArray(String[]::new)));
    }

    @Test
    void badWorkerOptionsNameTheArgument() {
        assertEquals("unknown worker argument --nope",
            assertThrows(IllegalArgumentException.class, () -> WorkerOptions.parse(new String[] {"--nope", "1"}))
                .getMessage());
        assertEquals("worker argument --app has no value",
            assertThrows(IllegalArgumentException.class, () -> WorkerOptions.parse(new String[] {"--app"}))
                .getMessage());
        assertEquals("worker needs --app CLASS",
            assertThrows(IllegalArgumentException.class, () -> WorkerOptions.parse(new String[0])).getMessage());
    }

    @Test
    void theBudgetAsksForAStopExactlyOnceAtItsLimit() {
        AtomicInteger stops = new AtomicInteger();
        RequestBudget budget = new RequestBudget(3, stops::incrementAndGet);
        budget.spend();
        budget.spend();
        assertEquals(0, stops.get());
        budget.spend();
        budget.spend();
        assertEquals(1, stops.get());
        assertEquals(4, budget.spent());
        RequestBudget unlimited = new RequestBudget(0, stops::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            unlimited.spend();
        }
        assertEquals(1, stops.get());
    }

    @Test
    void aPidFileRoundTripsAndABadOneIsOneClearLine() throws IOException {
        Path file = dir.resolve("gh.pid");
        PidFile.write(file, 4242);
        assertEquals("4242\n", Files.readString(file));
        assertEquals(4242, PidFile.read(file));
        Files.writeString(file, "garbage");
        assertEquals("pid file " + file + " holds no pid: 'garbage'",
            assertThrows(IOException.class, () -> PidFile.read(file)).getMessage());
        PidFile.remove(file);
        assertEquals(true, Files.exists(file), "a pid file naming another process is left alone");
    }

    @Test
    void bindAddressesParseAndBadOnesSayWhatIsWanted() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8000), ServeWorkersCommand.address("127.0.0.1:8000"));
        assertEquals(new InetSocketAddress("::1", 0), ServeWorkersCommand.address("[::1]:0"));
        assertEquals("--bind wants HOST:PORT, got 'localhost'",
            assertThrows(IllegalArgumentException.class, () -> ServeWorkersCommand.address("localhost")).getMessage());
    }

    @Test
    void badArbiterSettingsAreRejectedWithTheirName() {
        ArbiterConfig config = ArbiterConfig.defaults("com.example.Hello");
        assertEquals("workers must be at least 1, got 0",
            assertThrows(IllegalArgumentException.class, () -> config.withWorkers(0)).getMessage());
        assertEquals("max-requests must be at least 0, got -1",
            assertThrows(IllegalArgumentException.class, () -> config.withMaxRequests(-1, 0)).getMessage());
    }

    @Test
    void theMasterBindsIpv4AndIpv6AndReportsTheRealPort() throws IOException {
        try (ListeningSocket v4 = ListeningSocket.bind(new InetSocketAddress("127.0.0.1", 0), 16);
             ListeningSocket v6 = ListeningSocket.bind(new InetSocketAddress("::1", 0), 16)) {
            for (ListeningSocket socket : List.of(v4, v6)) {
                try (java.net.Socket client = new java.net.Socket(socket.address().getAddress(), socket.address().getPort())) {
                    assertEquals(true, client.isConnected());
                }
            }
            assertEquals("/127.0.0.1", v4.address().getAddress().toString());
        }
    }

    @Test
    void exitCodesReadLikeAShellReportsThem() {
        assertEquals(3, Libc.exitCode(3 << 8));
        assertEquals(128 + 9, Libc.exitCode(9));
    }
}
