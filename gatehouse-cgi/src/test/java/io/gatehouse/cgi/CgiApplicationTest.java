package io.gatehouse.cgi;

import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgiApplicationTest {

    private static final String ENV_DUMP = """
        #!/usr/bin/env python3
        import os, sys
        body = sys.stdin.buffer.read()
        print("Content-Type: text/plain")
        print()
        for key in sorted(os.environ):
            print(key + "=" + os.environ[key])
        print("BODY=" + body.decode())
        """;

    @TempDir
    Path dir;

    private TestClient client;

    @BeforeEach
    void scripts() throws Exception {
        Scripts.write(dir, "env.py", ENV_DUMP);
        Scripts.write(dir, "tools/echo.sh", "#!/bin/sh\nprintf 'Content-Type: application/octet-stream\\n\\n'\ncat\n");
        Scripts.write(dir, "missing.sh", "#!/bin/sh\nprintf 'Status: 404 Not Found\\r\\nContent-Type: text/plain\\r\\n\\r\\nno such thing\\n'\n");
        Scripts.write(dir, "away.sh", "#!/bin/sh\nprintf 'Location: https://example.com/new\\n\\n'\n");
        Scripts.write(dir, "inside.sh", "#!/bin/sh\nprintf 'Location: /cgi-bin/env.py/moved?to=here\\n\\n'\n");
        Scripts.write(dir, "loop.sh", "#!/bin/sh\nprintf 'Location: /cgi-bin/loop.sh\\n\\n'\n");
        Scripts.write(dir, "nph-raw.sh",
            "#!/bin/sh\nprintf 'HTTP/1.1 201 Created\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\nraw body'\n");
        Scripts.write(dir, "noisy.sh", "#!/bin/sh\necho 'something odd' >&2\nprintf 'Content-Type: text/plain\\n\\nok'\n");
        Scripts.write(dir, "broken.sh", "#!/bin/sh\necho 'this is not a header'\n");
        Scripts.write(dir, "silent.sh", "#!/bin/sh\nprintf 'X-Only: this\\n\\n'\n");
        Files.writeString(dir.resolve("plain.txt"), "not executable");
        client = TestClient.of(new CgiApplication(dir));
    }

    private static Map<String, String> variables(TestResponse r) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : r.text().split("\n")) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    @Test
    void scriptsGetEveryMetaVariableOfRfc3875() {
        TestResponse r = client.post("/cgi-bin/env.py/extra/path?a=1&b=2").scriptName("/cgi-bin")
            .contentType("text/plain").body("hello").header("X-Custom", "yes").send();
        assertEquals(200, r.status());
        Map<String, String> env = variables(r);
        assertEquals("5", env.get("CONTENT_LENGTH"));
        assertEquals("text/plain", env.get("CONTENT_TYPE"));
        assertEquals("CGI/1.1", env.get("GATEWAY_INTERFACE"));
        assertEquals("/extra/path", env.get("PATH_INFO"));
        assertEquals(dir.toAbsolutePath().resolve("extra/path").toString(), env.get("PATH_TRANSLATED"));
        assertEquals("a=1&b=2", env.get("QUERY_STRING"));
        assertEquals("127.0.0.1", env.get("REMOTE_ADDR"));
        assertEquals("127.0.0.1", env.get("REMOTE_HOST"));
        assertEquals("POST", env.get("REQUEST_METHOD"));
        assertEquals("/cgi-bin/env.py", env.get("SCRIPT_NAME"));
        assertEquals("localhost", env.get("SERVER_NAME"));
        assertEquals("80", env.get("SERVER_PORT"));
        assertEquals("HTTP/1.1", env.get("SERVER_PROTOCOL"));
        assertEquals("Gatehouse-TestClient", env.get("SERVER_SOFTWARE"));
        assertEquals("yes", env.get("HTTP_X_CUSTOM"));
        assertEquals("localhost", env.get("HTTP_HOST"));
        assertEquals(MetaVariables.PATH, env.get("PATH"));
        assertEquals("hello", env.get("BODY"));
        assertNull(env.get("AUTH_TYPE"));
        assertNull(env.get("HOME"), "nothing leaks from the server's own environment");
    }

    @Test
    void authenticationVariablesComeFromTheEnviron() {
        Map<String, String> env = variables(client.get("/env.py").environ("AUTH_TYPE", "Basic")
            .environ("REMOTE_USER", "alice").environ("REMOTE_IDENT", "ident-alice").send());
        assertEquals("Basic", env.get("AUTH_TYPE"));
        assertEquals("alice", env.get("REMOTE_USER"));
        assertEquals("ident-alice", env.get("REMOTE_IDENT"));
        assertFalse(env.containsKey("PATH_TRANSLATED"), "no PATH_INFO, no PATH_TRANSLATED (RFC 3875, 4.1.6)");
    }

    @Test
    void proxyHeaderIsNeverPassedAndAuthorizationOnlyWhenAsked() {
        TestResponse r = client.get("/env.py").header("Proxy", "http://evil:8080").header("Authorization", "Basic eDp5").send();
        Map<String, String> env = variables(r);
        assertFalse(env.containsKey("HTTP_PROXY"), "httpoxy");
        assertFalse(env.containsKey("HTTP_AUTHORIZATION"));
        TestClient trusting = TestClient.of(new CgiApplication(dir, CgiOptions.defaults().withPassAuthorization(true)));
        Map<String, String> trusted = variables(trusting.get("/env.py").header("Proxy", "http://evil:8080")
            .header("Authorization", "Basic eDp5").send());
        assertEquals("Basic eDp5", trusted.get("HTTP_AUTHORIZATION"));
        assertFalse(trusted.containsKey("HTTP_PROXY"));
    }

    @Test
    void requestBodyStreamsThroughStdinAndStdoutStreamsBack() {
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 'x');
        big[big.length - 1] = '!';
        TestResponse r = client.post("/tools/echo.sh").body(big).send();
        assertEquals("application/octet-stream", r.header("Content-Type"));
        assertTrue(Arrays.equals(big, r.body()));
    }

    @Test
    void statusHeaderSetsTheStatus() {
        TestResponse r = client.get("/missing.sh").send();
        assertEquals("404 Not Found", r.statusLine());
        assertEquals("no such thing\n", r.text());
        assertNull(r.header("Status"));
    }

    @Test
    void absoluteLocationIsAClientRedirect() {
        TestResponse r = client.get("/away.sh").send();
        assertEquals("302 Found", r.statusLine());
        assertEquals("https://example.com/new", r.header("Location"));
    }

    @Test
    void pathLocationIsServedInternallyAsGet() {
        TestResponse r = client.post("/cgi-bin/inside.sh").scriptName("/cgi-bin").body("ignored").send();
        assertEquals(200, r.status());
        Map<String, String> env = variables(r);
        assertEquals("/moved", env.get("PATH_INFO"));
        assertEquals("to=here", env.get("QUERY_STRING"));
        assertEquals("GET", env.get("REQUEST_METHOD"));
        assertEquals("/cgi-bin/env.py", env.get("SCRIPT_NAME"));
        assertEquals("", env.get("BODY"));
    }

    @Test
    void localRedirectLoopsEndIn502() {
        TestResponse r = client.get("/cgi-bin/loop.sh").scriptName("/cgi-bin").send();
        assertEquals(502, r.status());
        assertTrue(r.errors().contains("too many redirects"), r.errors());
    }

    @Test
    void nphScriptsSetTheStatusLineThemselves() {
        TestResponse r = client.get("/nph-raw.sh").send();
        assertEquals("201 Created", r.statusLine());
        assertEquals("raw body", r.text());
        assertNull(r.header("Connection"), "framing stays the server's business");
    }

    @Test
    void stderrGoesToTheErrorLog() {
        TestResponse r = client.get("/noisy.sh").send();
        assertEquals("ok", r.text());
        assertTrue(r.errors().contains("cgi noisy.sh: something odd"), r.errors());
    }

    @Test
    void brokenOutputIs502() {
        TestResponse r = client.get("/broken.sh").send();
        assertEquals("502 Bad Gateway", r.statusLine());
        assertTrue(r.errors().contains("not 'name: value'"), r.errors());
        assertEquals(502, client.get("/silent.sh").send().status(), "no CGI field at all (RFC 3875, 6.2)");
    }

    @Test
    void missingRefusedAndNonExecutableScripts() {
        assertEquals(404, client.get("/nope.sh").send().status());
        assertEquals(404, client.get("/").send().status());
        assertEquals(404, client.get("/tools").send().status());
        assertEquals(404, client.get("/../env.py").send().status());
        assertEquals(404, client.get("/tools/..%2fenv.py").send().status());
        assertEquals(403, client.get("/plain.txt").send().status());
    }

    @Test
    void pythonScriptsWork() {
        assertTrue(client.get("/env.py").send().text().contains("GATEWAY_INTERFACE=CGI/1.1"));
    }

    @Test
    void badDirectoryIsOneLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new CgiApplication(dir.resolve("none")));
        assertTrue(e.getMessage().endsWith("none is not a directory"), e.getMessage());
    }
}
