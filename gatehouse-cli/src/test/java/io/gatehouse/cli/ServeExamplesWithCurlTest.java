package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the README and issue 6 promise: {@code gatehouse serve APP} runs each seed example and the
 * notes service in its own JVM, and curl gets the right answers. The command line runs as a real
 * process ({@link Main} with this module's class path), stopped with SIGTERM, which must exit 0.
 */
@Timeout(120)
class ServeExamplesWithCurlTest {

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void theHelloAppAnswersHelloWorld() throws Exception {
        try (Served served = Served.start("examples.hello.HelloApp")) {
            assertEquals("200|Hello, World!\n", served.curl("GET", "/", null));
        }
    }

    @Test
    void thePyramidExampleAnswersOnItsRoute() throws Exception {
        try (Served served = Served.start("examples.pyramid.HelloPyramid:app")) {
            assertEquals("200|Hello world from Pyramid!\n", served.curl("GET", "/hello", null));
            assertTrue(served.curl("GET", "/nowhere", null).startsWith("404|"));
        }
    }

    @Test
    void theFlaskExampleAnswersOnItsRoute() throws Exception {
        try (Served served = Served.start("examples.flask.HelloFlask:app")) {
            assertEquals("200|Hello world from Flask!\n", served.curl("GET", "/hello", null));
        }
    }

    @Test
    void theNotesServiceServesPagesJsonAndAssets() throws Exception {
        try (Served served = Served.start("examples.notes.NotesApp:app")) {
            assertTrue(served.curl("GET", "/", null).startsWith("200|<!doctype html>"));
            String created = served.curl("POST", "/api/notes", "{\"title\":\"milk\",\"body\":\"2 litres\"}");
            assertTrue(created.startsWith("201|") && created.contains("\"title\":\"milk\""), created);
            String listed = served.curl("GET", "/api/notes", null);
            assertTrue(listed.startsWith("200|[") && listed.contains("\"milk\""), listed);
            assertTrue(served.curl("GET", "/static/notes.css", null).startsWith("200|"));
            assertTrue(served.curl("GET", "/api/notes/999", null).startsWith("404|{"), "API errors are JSON");
        }
    }

    /** One {@code gatehouse serve} process on a free port. */
    private record Served(Process process, int port) implements AutoCloseable {

        static Served start(String app) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", app, "--bind", "127.0.0.1:0")
                .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                Matcher url = URL.matcher(line);
                if (url.find()) {
                    // Keep draining the output so that the server never blocks on a full pipe.
                    Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                    return new Served(process, Integer.parseInt(url.group(1)));
                }
            }
            fail("'gatehouse serve " + app + "' ended before it listened: " + seen);
            throw new AssertionError();
        }

        /** @return "STATUS|BODY" as curl saw them */
        String curl(String method, String path, String json) throws Exception {
            File curl = new File("/usr/bin/curl");
            assertTrue(curl.canExecute(), "curl is needed (./scripts/test installs it)");
            List<String> command = new ArrayList<>(List.of(curl.getPath(), "-sS", "--max-time", "10",
                "-X", method, "-w", "\n%{http_code}"));
            if (json != null) {
                command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", json));
            }
            command.add("http://127.0.0.1:" + port + path);
            Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, run.exitValue(), output);
            int cut = output.lastIndexOf('\n');
            return output.substring(cut + 1) + "|" + output.substring(0, cut);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();   // SIGTERM: a graceful stop
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            assertEquals(0, process.exitValue(), "exit code after SIGTERM");
        }
    }
}
