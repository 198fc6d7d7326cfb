package io.gatehouse.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real nginx (Debian's package) in the foreground with a configuration written to a temporary
 * directory: {@code nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'}, stopped by its pid.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Fails the test with what to do when nginx or its stream module is missing; never skips. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY) || !Files.exists(STREAM_MODULE)) {
            fail("this test needs a real nginx: " + BINARY + " and " + STREAM_MODULE + " are missing; "
                + "./scripts/test installs them (apt-get install nginx libnginx-mod-stream)");
        }
    }

    /**
     * @param dir        an empty directory for the config, pid, logs and temp files
     * @param topLevel   directives before {@code events} (load_module, stream { })
     * @param http       the inside of {@code http { }}, or null for none
     * @param listenPort a port the config listens on; returns once it accepts connections
     */
    static Nginx start(Path dir, String topLevel, String http, int listenPort) throws Exception {
        requireInstalled();
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        String temp = String.join("", java.util.stream.Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            .map(kind -> "    " + kind + "_temp_path " + dir.resolve(kind) + ";\n").toList());
        String config = user + topLevel + "\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\n"
            + "error_log " + dir.resolve("error.log") + " info;\nevents { worker_connections 64; }\n"
            + (http == null ? "" : "http {\n    access_log " + dir.resolve("access.log") + ";\n" + temp + http + "\n}\n");
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", file.toString(),
            "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, dir);
        nginx.awaitListening(listenPort, config);
        return nginx;
    }

    private void awaitListening(int port, String config) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("nginx exited with " + process.exitValue() + ": " + log("stdout.log") + log("error.log")
                    + "\nconfig:\n" + config);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        close();
        fail("nginx did not listen on port " + port + " within 15 s: " + log("error.log"));
    }

    String log(String name) throws IOException {
        File file = dir.resolve(name).toFile();
        return file.exists() ? Files.readString(file.toPath(), StandardCharsets.UTF_8) : "";
    }

    /** SIGTERM to nginx's master (a fast shutdown), then wait; SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "nginx did not stop");
        }
    }
}
