package io.gatehouse.cli;

import io.gatehouse.server.ServerConfig;
import io.gatehouse.server.TlsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gatehouse serve --certfile --keyfile}: files made by openssl (as users make them), one
 * line and exit 2 for unusable ones, and HTTPS that curl trusts.
 */
@Timeout(120)
class ServeTlsTest {

    private static final Pattern URL = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    static Path dir;
    static Path cert;
    static Path key;
    static Path otherKey;

    @BeforeAll
    static void makeCertificates() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        otherKey = dir.resolve("other-key.pem");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-out", otherKey.toString());
    }

    @Test
    void theFilesReachTheServerConfig() {
        ServerConfig config = config("--certfile", cert.toString(), "--keyfile", key.toString());
        assertEquals(cert, config.tls().certificateFile());
        assertEquals(key, config.tls().keyFile());
        assertNull(config().tls());
    }

    @Test
    void unusableFilesAreOneLineAndExitCode2() {
        Path missing = dir.resolve("missing.pem");
        assertEquals("2|gatehouse: certificate file " + missing + " does not exist\n",
            main("serve", "--certfile", missing.toString(), "--keyfile", key.toString()));
        assertEquals("2|gatehouse: key file " + otherKey + " does not hold the private key of the first certificate in "
            + cert + "\n", main("serve", "--certfile", cert.toString(), "--keyfile", otherKey.toString()));
        assertEquals("2|gatehouse: key file " + cert + " holds no PRIVATE KEY block\n",
            main("serve", "--certfile", cert.toString()));
        assertEquals("2|gatehouse: --keyfile needs --certfile\n", main("serve", "--keyfile", key.toString()));
        assertEquals("2|gatehouse: --cert-reqs needs --certfile\n", main("serve", "--cert-reqs", "2"));
        assertEquals("2|gatehouse: --cert-reqs optional needs --ca-certs\n",
            main("serve", "--certfile", cert.toString(), "--keyfile", key.toString(), "--cert-reqs", "optional"));
        assertEquals("2|gatehouse: --ca-certs needs --cert-reqs optional or required\n",
            main("serve", "--certfile", cert.toString(), "--keyfile", key.toString(), "--ca-certs", cert.toString()));
        assertEquals("2|gatehouse: Invalid value for option '--cert-reqs': 'always' is not "
            + "none, optional or required; see 'gatehouse serve --help'\n", main("serve", "--cert-reqs", "always"));
    }

    @Test
    void clientCertificatesAreAskedForWithCertReqsAndCaCerts() {
        ServerConfig config = config("--certfile", cert.toString(), "--keyfile", key.toString(),
            "--cert-reqs", "required", "--ca-certs", cert.toString());
        assertEquals(TlsConfig.ClientAuth.REQUIRED, config.tls().clientAuth());
        assertEquals(cert, config.tls().clientCaFile());
        assertEquals(TlsConfig.ClientAuth.OPTIONAL, config("--certfile", cert.toString(), "--keyfile", key.toString(),
            "--cert-reqs", "1", "--ca-certs", cert.toString()).tls().clientAuth());
    }

    @Test
    void servesHttpsThatCurlTrusts() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "examples.hello.HelloApp", "--bind", "127.0.0.1:0",
            "--certfile", cert.toString(), "--keyfile", key.toString()).redirectErrorStream(true).start();
        try {
            int port = port(process);
            assertEquals("Hello, World!\n200 1.1", run("curl", "-sS", "--max-time", "10", "--cacert", cert.toString(),
                "-w", "%{http_code} %{http_version}", "https://127.0.0.1:" + port + "/"));
        } finally {
            process.destroy();   // SIGTERM: a graceful stop
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
        assertEquals(0, process.exitValue());
    }

    @Test
    void workersServeHttpsWithTheSameFiles() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir, Map.of(), "examples.hello.HelloApp", "--workers", "2",
                "--bind", "127.0.0.1:0", "--certfile", cert.toString(), "--keyfile", key.toString(), "--timeout", "20")) {
            int port = serve.port();
            assertTrue(serve.log().contains("Listening at: https://127.0.0.1:" + port + " ("), serve.log());
            serve.awaitLog(ServeProcess.READY, 2);
            for (int i = 0; i < 3; i++) {   // separate connections, whichever worker takes each
                assertEquals("Hello, World!\n200 1.1", run("curl", "-sS", "--max-time", "10", "--cacert",
                    cert.toString(), "-w", "%{http_code} %{http_version}", "https://127.0.0.1:" + port + "/"));
            }
            serve.signal("TERM");
            assertEquals(0, serve.awaitExit(), serve.log());
        }
    }

    @Test
    void theMasterChecksTheFilesBeforeAnyWorkerStarts() {
        Path missing = dir.resolve("missing-key.pem");
        assertEquals("2|gatehouse: key file " + missing + " does not exist\n", main("serve", "--workers", "2",
            "--certfile", cert.toString(), "--keyfile", missing.toString()));
    }

    /** @return the port of the https URL in the startup line, the first line serve prints */
    private static int port(Process process) throws IOException {
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        String startup = String.valueOf(out.readLine());
        Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));   // never let the pipe fill
        Matcher url = URL.matcher(startup);
        assertTrue(url.find(), "serve printed: " + startup);
        return Integer.parseInt(url.group(1));
    }

    private static String main(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + "|" + err.toString(StandardCharsets.UTF_8);
    }

    private static ServerConfig config(String... args) {
        List<String> line = new ArrayList<>(List.of("serve"));
        line.addAll(List.of(args));
        picocli.CommandLine serve = Main.commandLine(System.out, System.err).parseArgs(line.toArray(String[]::new))
            .subcommand().commandSpec().commandLine();
        return ServeSettings.config(SettingOptions.values(serve.getCommandSpec(), ServeSettings.ALL));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
