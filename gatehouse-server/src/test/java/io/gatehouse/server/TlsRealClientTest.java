package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real HTTPS clients: the JDK's HttpClient (which would rather speak HTTP/2) and curl. */
class TlsRealClientTest {

    @TempDir
    Path dir;

    @Test
    void jdkHttpClientFallsBackToHttp11AndKeepsOneConnection() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = TlsTest.tlsServer(Apps.ECHO, certificates);
             HttpClient client = HttpClient.newBuilder().sslContext(certificates.clientContext()).build()) {
            URI uri = URI.create("https://localhost:" + running.port() + "/echo");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("body " + i)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(HttpClient.Version.HTTP_1_1, response.version(), "ALPN chose http/1.1");
                assertEquals(200, response.statusCode());
                assertEquals("body " + i, response.body());
            }
            HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream("chunked upload".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("chunked upload", chunked.body());
            assertEquals(1, running.server.stats().connectionsAccepted());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void sendsAFileBodyThroughTls() throws Exception {
        TestCertificates certificates = TestCertificates.rsa();
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + i / 997);
        }
        Path file = Files.write(dir.resolve("data.bin"), content);
        Application app = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Type", "application/octet-stream")));
            return environ.fileWrapper().wrap(FileChannel.open(file), 1000, content.length - 2000);
        };
        // No Validator: it would hide the FileBody, and the file path is what is under test.
        Server server = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
            .withTls(certificates.config()), app);
        server.start();
        try (HttpClient client = HttpClient.newBuilder().sslContext(certificates.clientContext()).build()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.addresses().get(0).getPort() + "/")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(String.valueOf(content.length - 2000), response.headers().firstValue("Content-Length")
                .orElseThrow());
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 1000, content.length - 1000), response.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void curlTrustsTheCertificateAndReusesTheConnection() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = TlsTest.tlsServer(Apps.HELLO, certificates)) {
            String base = "https://127.0.0.1:" + running.port();
            String output = curl("--cacert", certificates.certificate().toString(), "-w",
                "%{http_version} %{scheme}\\n", base + "/", base + "/again");
            assertEquals("Hello, World!\n1.1 HTTPS\nHello, World!\n1.1 HTTPS\n", output);
            assertEquals(1, running.server.stats().connectionsAccepted(), "curl reuses the connection");
        }
    }

    @Test
    void curlUploadsAChunkedBodyWithExpectContinueOverTls12() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
        TestCertificates certificates = TestCertificates.rsa();
        try (RunningServer running = TlsTest.tlsServer(Apps.ECHO, certificates)) {
            String output = curl("--cacert", certificates.certificate().toString(), "--tlsv1.2", "--tls-max", "1.2",
                "-H", "Transfer-Encoding: chunked", "-H", "Expect: 100-continue", "--data-binary", "hello tls",
                "https://localhost:" + running.port() + "/");
            assertEquals("hello tls", output);
            assertEquals(1, running.server.stats().responses(1), "one 100 Continue");
        }
    }

    @Test
    void curlRefusesAnUntrustedCertificate() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
        try (RunningServer running = TlsTest.tlsServer(Apps.HELLO, TestCertificates.ec())) {
            Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "--max-time", "10",
                "--cacert", TestCertificates.rsa().certificate().toString(), "https://localhost:" + running.port() + "/")
                .redirectErrorStream(true).start();
            assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
            assertEquals(60, curl.exitValue(), "CURLE_PEER_FAILED_VERIFICATION");
            assertEquals(0, running.server.stats().requests());
        }
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/curl", "-sS", "--max-time", "10"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, curl.exitValue(), output);
        return output;
    }
}
