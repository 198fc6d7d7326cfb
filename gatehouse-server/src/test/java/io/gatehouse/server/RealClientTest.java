package io.gatehouse.server;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real clients against the server: the JDK's HttpClient and curl. */
class RealClientTest {

    @Test
    void jdkHttpClientGetsAndPostsOverOneConnection() throws Exception {
        try (RunningServer running = new RunningServer(Apps.ECHO);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI uri = URI.create("http://127.0.0.1:" + running.port() + "/echo");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("body " + i)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals("body " + i, response.body());
                assertEquals("Gatehouse/0.1", response.headers().firstValue("Server").orElseThrow());
            }
            HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream("chunked upload".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("chunked upload", streamed.body());
            assertEquals(1, running.server.stats().connectionsAccepted());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void curlGetsTheHelloApp() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
        try (RunningServer running = new RunningServer(Apps.HELLO)) {
            Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "-i", "--max-time", "10",
                "http://127.0.0.1:" + running.port() + "/", "http://127.0.0.1:" + running.port() + "/again")
                .redirectErrorStream(true).start();
            assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals(0, curl.exitValue(), output);
            assertEquals(2, output.split("HTTP/1.1 200 OK", -1).length - 1, output);
            assertTrue(output.endsWith("Hello, World!\n"), output);
            assertEquals(1, running.server.stats().connectionsAccepted(), "curl reuses the connection");
        }
    }

    @Test
    void curlSendsAChunkedBodyWithExpectContinue() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
        try (RunningServer running = new RunningServer(Apps.ECHO)) {
            Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "--max-time", "10",
                "-H", "Transfer-Encoding: chunked", "-H", "Expect: 100-continue", "--data-binary", "hello curl",
                "http://127.0.0.1:" + running.port() + "/").redirectErrorStream(true).start();
            assertTrue(curl.waitFor(20, TimeUnit.SECONDS));
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals("hello curl", output);
            assertEquals(1, running.server.stats().responses(1), "one 100 Continue");
        }
    }
}
