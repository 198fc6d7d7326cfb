package io.gatehouse.cli;

import io.gatehouse.http.Limits;
import io.gatehouse.server.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServeOptionsTest {

    @Test
    void noFlagsGiveTheServerDefaults() {
        assertEquals(ServerConfig.defaults(), config());
    }

    @Test
    void everyFlagReachesTheServerConfig() {
        ServerConfig config = config("--bind", "127.0.0.1:9000", "-b", "[::1]:9001", "--bind", ":0",
            "--limit-request-line", "100", "--limit-request-fields", "7", "--limit-request-field-size", "300",
            "--limit-request-body", "4096", "--header-timeout", "1.5", "--body-timeout", "2",
            "--write-timeout", "3", "--keep-alive", "4", "--graceful-timeout", "0");
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9000), new InetSocketAddress("::1", 9001),
            new InetSocketAddress("127.0.0.1", 0)), config.binds());
        assertEquals(new Limits(100, 7, 300, Limits.DEFAULTS.maxHeaderBytes(), 4096), config.limits());
        assertEquals(Duration.ofMillis(1500), config.headerTimeout());
        assertEquals(Duration.ofSeconds(2), config.bodyTimeout());
        assertEquals(Duration.ofSeconds(3), config.writeTimeout());
        assertEquals(Duration.ofSeconds(4), config.keepAliveTimeout());
        assertEquals(Duration.ZERO, config.gracefulTimeout());
    }

    @Test
    void theProxyProtocolFlagStandsAloneOrTakesABoolean() {
        assertEquals(false, config().proxyProtocol().enabled());
        assertEquals(true, config("--proxy-protocol").proxyProtocol().enabled());
        assertEquals(true, config("--proxy-protocol=true").proxyProtocol().enabled());
        assertEquals(false, config("--proxy-protocol=false").proxyProtocol().enabled());
        assertEquals(16, config("--backlog", "16").backlog());
    }

    @Test
    void aBodyLimitOfZeroMeansNone() {
        assertEquals(Long.MAX_VALUE, config("--limit-request-body", "0").limits().maxBodySize());
    }

    @Test
    void classPathEntriesMayBeRepeatedOrJoined() {
        CommandLine serve = parse("-c", "src:pom.xml", "--classpath", "target");
        Map<Setting, Object> values = SettingOptions.values(serve.getCommandSpec(), ServeSettings.ALL);
        assertEquals(List.of(Path.of("src"), Path.of("pom.xml"), Path.of("target")),
            ServeSettings.classPath((List<?>) values.get(ServeSettings.CLASSPATH)));
    }

    @Test
    void theAppArgumentDefaultsToTheHelloApp() {
        CommandLine serve = parse();
        assertEquals("examples.hello.HelloApp", serve.getCommandSpec().positionalParameters().getFirst().getValue());
    }

    private static ServerConfig config(String... args) {
        CommandLine serve = parse(args);
        return ServeSettings.config(SettingOptions.values(serve.getCommandSpec(), ServeSettings.ALL));
    }

    private static CommandLine parse(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "serve";
        System.arraycopy(args, 0, line, 1, args.length);
        ParseResult parsed = Main.commandLine(System.out, System.err).parseArgs(line);
        return parsed.subcommand().commandSpec().commandLine();
    }
}
