package io.gatehouse.cgi;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts never outlive their request: the time limit and a client going away both kill the whole tree. */
class ScriptLifetimeTest {

    @TempDir
    Path dir;

    @Test
    void scriptOverItsTimeLimitIsKilledWithItsChildrenAnd504() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Scripts.write(dir, "slow.sh", "#!/bin/sh\nsleep 30 &\necho $! > " + pidFile + "\nwait\n");
        TestClient client = TestClient.of(new CgiApplication(dir, CgiOptions.defaults()
            .withTimeLimit(Duration.ofMillis(500))));
        TestResponse r = client.get("/slow.sh").send();
        assertEquals("504 Gateway Timeout", r.statusLine());
        assertTrue(r.errors().contains("killed after its time limit of 500 ms"), r.errors());
        assertDead(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void closingTheBodyKillsTheScript() throws Exception {
        Scripts.write(dir, "stream.sh", "#!/bin/sh\nprintf 'Content-Type: text/plain\\n\\n'\necho $$\nexec sleep 30\n");
        CgiApplication app = new CgiApplication(dir);
        String[] status = new String[1];
        Body body = app.call(environ("/stream.sh"), (s, headers, exc) -> status[0] = s);
        assertEquals("200 OK", status[0]);
        Iterator<byte[]> chunks = body.iterator();
        long pid = Long.parseLong(new String(chunks.next(), StandardCharsets.US_ASCII).strip());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        body.close(); // what a server does when the client goes away
        assertDead(pid);
    }

    private static void assertDead(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
    }

    private static Environ environ(String path) {
        return new Environ().put(Environ.REQUEST_METHOD, "GET").put(Environ.SCRIPT_NAME, "")
            .put(Environ.PATH_INFO, path).put(Environ.QUERY_STRING, "").put(Environ.SERVER_NAME, "localhost")
            .put(Environ.SERVER_PORT, "80").put(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .put(Environ.SERVER_SOFTWARE, "test").put(Environ.REMOTE_ADDR, "127.0.0.1")
            .put(Environ.GATEWAY_URL_SCHEME, "http").put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[0]))
            .put(Environ.GATEWAY_ERRORS, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
