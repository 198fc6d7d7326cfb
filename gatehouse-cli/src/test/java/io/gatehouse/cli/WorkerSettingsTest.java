package io.gatehouse.cli;

import io.gatehouse.server.ConnectionThreads;
import io.gatehouse.server.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerSettingsTest {

    @Test
    void theVirtualWorkerClassIsTheDefault() {
        assertEquals(ConnectionThreads.VIRTUAL, config().connectionThreads());
        assertEquals(ConnectionThreads.VIRTUAL, config("--threads", "4").connectionThreads());
    }

    @Test
    void theThreadsWorkerClassGivesABoundedPoolOfThatSize() {
        assertEquals(ConnectionThreads.pool(4), config("--worker-class", "threads", "--threads", "4")
            .connectionThreads());
        assertEquals(ConnectionThreads.pool(32), config("-k", "threads").connectionThreads());
    }

    @Test
    void anUnknownWorkerClassIsOneLineAndAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve", "--worker-class", "gevent"}, System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE.code(), code);
        assertEquals("gatehouse: Invalid value for option '--worker-class': 'gevent' is not a worker class: use "
            + "virtual or threads; see 'gatehouse serve --help'", err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    private static ServerConfig config(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "serve";
        System.arraycopy(args, 0, line, 1, args.length);
        CommandLine serve = Main.commandLine(System.out, System.err).parseArgs(line).subcommand()
            .commandSpec().commandLine();
        return ServeSettings.config(SettingOptions.values(serve.getCommandSpec(), ServeSettings.ALL));
    }
}
