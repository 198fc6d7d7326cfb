package io.gatehouse.cgi;

import io.gatehouse.server.Server;
import io.gatehouse.server.ServerConfig;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CGI gateway behind the real server: a client that goes away stops its script. */
class RawSocketCgiTest {

    @TempDir
    Path dir;

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private InetSocketAddress start() throws Exception {
        Server candidate = new Server(ServerConfig.defaults().withBinds(List.of(new InetSocketAddress("127.0.0.1", 0))),
            new CgiApplication(dir));
        candidate.start();
        server = candidate;
        return server.addresses().getFirst();
    }

    @Test
    void aScriptAnswersOverTheWire() throws Exception {
        Scripts.write(dir, "hi.sh", "#!/bin/sh\nprintf 'Status: 201 Created\\nContent-Type: text/plain\\n\\nhi %s' \"$QUERY_STRING\"\n");
        InetSocketAddress address = start();
        try (RawClient client = RawClient.connect(address).timeout(Duration.ofSeconds(10))) {
            client.send("GET /hi.sh?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals("""
                HTTP/1.1 201 Created\r
                Date: <masked>\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                Transfer-Encoding: chunked\r
                Connection: close\r
                \r
                6\r
                hi x=1\r
                0\r
                \r
                """, RawClient.maskDate(client.readUntilClose()));
        }
    }

    /** A plain socket here: the test reads part of an endless body byte by byte, then hangs up. */
    @Test
    void clientGoingAwayKillsTheScript() throws Exception {
        Scripts.write(dir, "stream.sh", "#!/bin/sh\nprintf 'Content-Type: text/plain\\n\\n'\necho \"pid=$$\"\n"
            + "exec yes tick\n");
        InetSocketAddress address = start();
        long pid;
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /stream.sh HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().matches("(?s).*pid=\\d+\\r?\\n.*")) {
                int b = in.read();
                assertTrue(b >= 0, "connection closed early: " + seen);
                seen.append((char) b);
            }
            String text = seen.toString();
            int at = text.indexOf("pid=") + 4;
            pid = Long.parseLong(text.substring(at, text.indexOf('\n', at)).strip());
        } // the client goes away here; the server's next write fails and it closes the body
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(20, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "script " + pid + " still runs");
    }
}
