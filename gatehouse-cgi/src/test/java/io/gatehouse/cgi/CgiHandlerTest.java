package io.gatehouse.cgi;

import io.gatehouse.spec.Body;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgiHandlerTest {

    @TempDir
    Path dir;

    private static String run(Map<String, String> variables, String stdin, io.gatehouse.spec.Application app)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new CgiHandler(variables, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(app);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesACgiResponseFromTheEnvironmentAndStdin() throws Exception {
        String out = run(Map.of("REQUEST_METHOD", "POST", "SCRIPT_NAME", "/cgi-bin/app", "PATH_INFO", "/items",
            "QUERY_STRING", "a=1", "CONTENT_LENGTH", "5", "HTTP_X_TEST", "t", "HTTPS", "on",
            "SERVER_NAME", "example.com", "SERVER_PORT", "443", "SERVER_PROTOCOL", "HTTP/1.1"),
            "helloEXTRA", new EchoApp());
        assertEquals("Status: 201 Created\r\nContent-Type: text/plain; charset=utf-8\r\nX-Echo: yes\r\n\r\n"
            + "POST /cgi-bin/app /items ?a=1 x=t scheme=https once=true body=hello", out);
    }

    @Test
    void failureBeforeHeadersIs500() throws Exception {
        String out = run(Map.of("REQUEST_METHOD", "GET"), "", (environ, startResponse) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("Status: 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Internal Server Error\n", out);
    }

    @Test
    void emptyBodyStillWritesTheHead() throws Exception {
        String out = run(Map.of("REQUEST_METHOD", "GET"), "", (environ, startResponse) -> {
            startResponse.start("204 No Content", java.util.List.of());
            return Body.empty();
        });
        assertEquals("Status: 204 No Content\r\n\r\n", out);
    }

    @Test
    void anApplicationRunsAsAScriptUnderTheCgiGateway() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Scripts.write(dir, "app.cgi", "#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
            + classPath + "' io.gatehouse.cgi.CgiHandlerMain io.gatehouse.cgi.EchoApp\n");
        TestClient client = TestClient.of(new CgiApplication(dir, CgiOptions.defaults().withTimeLimit(Duration.ofSeconds(60))));
        TestResponse r = client.post("/cgi/app.cgi/items?a=1").scriptName("/cgi").header("X-Test", "t").body("hello").send();
        assertEquals("201 Created", r.statusLine(), r.errors());
        assertEquals("yes", r.header("X-Echo"));
        assertEquals("POST /cgi/app.cgi /items ?a=1 x=t scheme=http once=true body=hello", r.text());
    }

    @Test
    void aMissingApplicationClassIsOneLineAnd500() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Scripts.write(dir, "bad.cgi", "#!/bin/sh\nexec '" + java + "' -Xshare:auto -cp '"
            + System.getProperty("java.class.path") + "' io.gatehouse.cgi.CgiHandlerMain no.such.App\n");
        TestResponse r = TestClient.of(new CgiApplication(dir, CgiOptions.defaults().withTimeLimit(Duration.ofSeconds(60))))
            .get("/bad.cgi").send();
        assertEquals(500, r.status());
        assertTrue(r.errors().contains("cgi bad.cgi: gatehouse cgi: cannot load application no.such.App"), r.errors());
    }
}
