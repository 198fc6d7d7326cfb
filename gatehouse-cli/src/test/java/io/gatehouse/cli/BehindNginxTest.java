package io.gatehouse.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's real-parts test: Gatehouse behind a real nginx from Debian's packages, with the
 * configurations of docs/deploy.md (read from the file; only ports, paths and certificates are
 * changed). The client is curl on 127.0.0.2, so the address the application sees can only be the
 * client's if nginx's headers were believed; nginx listens with TLS, so {@code https} can only come
 * from {@code X-Forwarded-Proto}/{@code Forwarded}.
 */
@Timeout(180)
class BehindNginxTest {

    private static final String APP = "io.gatehouse.cli.fixtures.WhoAmI";
    private static final String CLIENT = "127.0.0.2";

    @TempDir
    static Path tls;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Nginx.requireInstalled();
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "2", "-subj", "/CN=localhost", "-keyout", tls.resolve("key.pem").toString(),
            "-out", tls.resolve("cert.pem").toString()));
    }

    @Test
    void overTcpTheClientAddressAndHttpsReachTheApplication(@TempDir Path dir) throws Exception {
        try (RunningServe gatehouse = RunningServe.start(APP, "--bind", "127.0.0.1:0")) {
            int port = freePort();
            String http = DeployDoc.replace(httpConfig(port), "server 127.0.0.1:8000;",
                "server 127.0.0.1:" + gatehouse.port() + ";");
            try (Nginx nginx = Nginx.start(dir, "", http, port)) {
                assertEquals("remote_addr=" + CLIENT + "\nurl_scheme=https\nproxy=127.0.0.1\n",
                    curl("https://127.0.0.1:" + port + "/who"));
                // Twice more: nginx reuses its keep-alive connection to Gatehouse.
                assertEquals(curl("https://127.0.0.1:" + port + "/again"), curl("https://127.0.0.1:" + port + "/x"));
            }
        }
    }

    @Test
    void overAUnixSocketTheClientAddressAndHttpsReachTheApplication(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("gatehouse.sock");
        try (RunningServe gatehouse = RunningServe.start(APP, "--bind", "unix:" + socket)) {
            assertTrue(gatehouse.output().getLast().contains("unix:" + socket), gatehouse.output().toString());
            String unixUpstream = DeployDoc.replace(DeployDoc.nginxBlock("## nginx over a Unix domain socket"),
                "server unix:/run/gatehouse/gatehouse.sock;", "server unix:" + socket + ";");
            String serverLine = unixUpstream.lines().filter(line -> line.contains("server unix:")).findFirst().orElseThrow();
            int port = freePort();
            String http = DeployDoc.replace(httpConfig(port), "    server 127.0.0.1:8000;", serverLine);
            try (Nginx nginx = Nginx.start(dir, "", http, port)) {
                assertEquals("remote_addr=" + CLIENT + "\nurl_scheme=https\nproxy=\n",
                    curl("https://127.0.0.1:" + port + "/who"));
            }
        }
    }

    @Test
    void throughTheStreamModuleThePROXYProtocolCarriesTheClientAddress(@TempDir Path dir) throws Exception {
        try (RunningServe gatehouse = RunningServe.start(APP, "--bind", "127.0.0.1:0", "--proxy-protocol")) {
            int port = freePort();
            String stream = DeployDoc.nginxBlock("## PROXY protocol");
            stream = DeployDoc.replace(stream, "server 127.0.0.1:8001;", "server 127.0.0.1:" + gatehouse.port() + ";");
            stream = DeployDoc.replace(stream, "listen 8443;", "listen 127.0.0.1:" + port + ";");
            try (Nginx nginx = Nginx.start(dir, "load_module " + Nginx.STREAM_MODULE + ";\n" + stream, null, port)) {
                assertEquals("remote_addr=" + CLIENT + "\nurl_scheme=http\nproxy=null\n",
                    curl("http://127.0.0.1:" + port + "/who"));
            }
            // Straight to Gatehouse from a trusted address (127.0.0.1) without the header: closed, and
            // logged. From an untrusted one (the client's) it is plain HTTP: no address can be claimed.
            assertTrue(curlFails("http://127.0.0.1:" + gatehouse.port() + "/"));
            assertEquals("remote_addr=" + CLIENT + "\nurl_scheme=http\nproxy=null\n",
                curl("http://127.0.0.1:" + gatehouse.port() + "/"));
            gatehouse.awaitLine("gatehouse: closing a connection from 127.0.0.1 without a valid PROXY protocol header");
        }
    }

    @Test
    void headersFromAPeerNotInForwardedAllowIpsAreIgnored() throws Exception {
        try (RunningServe gatehouse = RunningServe.start(APP, "--bind", "127.0.0.1:0")) {
            assertEquals("remote_addr=" + CLIENT + "\nurl_scheme=http\nproxy=null\n",
                curl("http://127.0.0.1:" + gatehouse.port() + "/", "-H", "X-Forwarded-For: 6.6.6.6",
                    "-H", "X-Forwarded-Proto: https", "-H", "Forwarded: for=6.6.6.6;proto=https"));
        }
    }

    /** The guide's TCP config, listening on 127.0.0.1:port with the test's certificate. */
    private static String httpConfig(int port) throws IOException {
        String config = DeployDoc.nginxBlock("## nginx over TCP");
        config = DeployDoc.replace(config, "listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;");
        config = DeployDoc.replace(config, "listen [::]:443 ssl;", "");
        config = DeployDoc.replace(config, "/etc/ssl/certs/example.com.pem", tls.resolve("cert.pem").toString());
        return DeployDoc.replace(config, "/etc/ssl/private/example.com.key", tls.resolve("key.pem").toString());
    }

    private static String curl(String url, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-k", "--max-time", "10", "--interface", CLIENT));
        command.addAll(List.of(extra));
        command.add(url);
        return run(command);
    }

    private static boolean curlFails(String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", url)
            .redirectErrorStream(true).start();
        curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
        return curl.exitValue() != 0;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), command + " did not end");
        assertEquals(0, process.exitValue(), command + ": " + output);
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
