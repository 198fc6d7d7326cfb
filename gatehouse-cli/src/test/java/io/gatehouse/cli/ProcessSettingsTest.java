package io.gatehouse.cli;

import io.gatehouse.appserver.HookRunner;
import io.gatehouse.appserver.MasterOptions;
import io.gatehouse.appserver.Privileges;
import io.gatehouse.server.ConnectionThreads;
import io.gatehouse.server.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessSettingsTest {

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

    @Test
    void onOffSettingsAreOnWhenGivenAloneAndTakeAnExplicitValue() {
        assertEquals(false, values().get(ProcessSettings.PRELOAD));
        assertEquals(true, values("--preload").get(ProcessSettings.PRELOAD));
        assertEquals(true, values("--reload", "--preload=true").get(ProcessSettings.RELOAD));
        assertEquals(false, values("--preload=false").get(ProcessSettings.PRELOAD));
    }

    @Test
    void anOnOffFlagGivenAloneSurvivesTheSettingLayers() {
        assertEquals(true, effective("--preload", "--reload").value(ProcessSettings.PRELOAD));
        assertEquals(true, effective("--preload", "--reload").value(ProcessSettings.RELOAD));
        assertEquals(false, effective().value(ProcessSettings.PRELOAD));
        assertEquals(List.of("examples.hello.HelloApp", "--worker-class=threads", "--hooks=x.Y"),
            effective("--preload", "-k", "threads", "--hooks", "x.Y", "--user", "nobody").workerArguments(),
            "master-only settings stay with the master");
    }

    private static EffectiveSettings effective(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "serve";
        System.arraycopy(args, 0, line, 1, args.length);
        CommandLine serve = Main.commandLine(System.out, System.err).parseArgs(line).subcommand()
            .commandSpec().commandLine();
        return EffectiveSettings.resolve(List.of(SettingLayer.parsed(serve.getCommandSpec(), SettingSource.FLAG,
            "command line")));
    }

    @Test
    void processSettingsBecomeTheMastersOptions() {
        MasterOptions options = ProcessSettings.masterOptions(values("--user", "nobody", "-g", "nogroup",
            "--umask", "027", "--reload", "-c", "pom.xml"), getClass().getClassLoader(), System.err);
        assertEquals(new Privileges("nobody", "nogroup", 027), options.privileges());
        assertEquals(List.of(Path.of("pom.xml")), options.alsoWatch());
        assertTrue(options.reload());
        assertEquals(HookRunner.NONE, options.hooks());
        assertEquals("--hooks: no class 'no.such.Hooks' on the class path", assertThrows(IllegalArgumentException.class,
            () -> ProcessSettings.masterOptions(values("--hooks", "no.such.Hooks"), getClass().getClassLoader(),
                System.err)).getMessage());
    }

    private static Map<Setting, Object> values(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "serve";
        System.arraycopy(args, 0, line, 1, args.length);
        CommandLine serve = Main.commandLine(System.out, System.err).parseArgs(line).subcommand()
            .commandSpec().commandLine();
        return SettingOptions.values(serve.getCommandSpec(), ServeSettings.ALL);
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
