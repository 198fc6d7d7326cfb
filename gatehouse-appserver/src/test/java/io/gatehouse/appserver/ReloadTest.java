package io.gatehouse.appserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code --reload}: a changed class on the class path replaces the workers, which serve the new code. */
@Timeout(120)
class ReloadTest {

    @TempDir
    Path dir;

    @Test
    void aRecompiledClassIsServedAfterTheWorkersAreReplaced() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compileGreeting(classes, "v1");
        try (MasterProcess master = MasterProcess.start(dir, classes.toString(), List.of("reloadable.Greeting",
                "--bind", "127.0.0.1:0", "--workers", "1", "--reload", "--worker-jvm-option=-Xshare:auto",
                "--worker-jvm-option=-XX:TieredStopAtLevel=1"))) {
            int port = master.port();
            master.awaitReady(1);
            assertEquals("v1", Http.body(Http.get(port, "/")));
            compileGreeting(classes, "v2");
            master.awaitLog(Pattern.compile("--reload: .*Greeting.class changed; reloading the workers"), 1);
            master.awaitLog(Pattern.compile("Reload to generation 1 complete"), 1);
            assertEquals("v2", Http.body(Http.get(port, "/")));
            master.signal("TERM");
            assertEquals(0, master.awaitExit());
        }
    }

    @Test
    void theWatcherReportsABurstOnceAndSeesNewSubdirectoriesAndJars() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path jar = Files.writeString(dir.resolve("lib.jar"), "not really a jar");
        Files.writeString(dir.resolve("unrelated.txt"), "x");
        LinkedBlockingQueue<Path> changes = new LinkedBlockingQueue<>();
        try (ClassPathWatcher watcher = ClassPathWatcher.start(tree + java.io.File.pathSeparator + jar,
                changes::add, System.err)) {
            Path sub = Files.createDirectories(tree.resolve("a/b"));
            assertNotNull(changes.poll(10, TimeUnit.SECONDS), "a new directory is a change");
            Files.writeString(sub.resolve("One.class"), "1");
            Files.writeString(sub.resolve("Two.class"), "2");
            assertNotNull(changes.poll(10, TimeUnit.SECONDS), "files in the new subdirectory are seen");
            assertNull(changes.poll(ClassPathWatcher.SETTLE_MILLIS * 3, TimeUnit.MILLISECONDS), "one report per burst");
            Files.writeString(dir.resolve("unrelated.txt"), "y");
            assertNull(changes.poll(ClassPathWatcher.SETTLE_MILLIS * 3, TimeUnit.MILLISECONDS),
                "a file beside a jar is not the jar");
            Files.writeString(jar, "changed");
            assertEquals(jar.toAbsolutePath(), changes.poll(10, TimeUnit.SECONDS));
        }
    }

    /** Compiles an application answering {@code text} into {@code classes}, with javax.tools. */
    private static void compileGreeting(Path classes, String text) throws Exception {
        Path source = Files.createDirectories(classes.getParent().resolve("src/reloadable")).resolve("Greeting.java");
        Files.writeString(source, """
            package reloadable;

            import io.gatehouse.spec.Application;
            import io.gatehouse.spec.Body;
            import io.gatehouse.spec.Environ;
            import io.gatehouse.spec.Header;
            import io.gatehouse.spec.StartResponse;
            import java.util.List;

            public final class Greeting implements Application {
                @Override
                public Body call(Environ environ, StartResponse start) {
                    start.start("200 OK", List.of(Header.of("Content-Length", "%d")));
                    return Body.of("%s");
                }
            }
            """.formatted(text.length(), text));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = compiler.run(null, null, errors, "-d", classes.toString(), "-cp",
            System.getProperty("java.class.path"), "--release", "25", source.toString());
        assertEquals(0, result, errors.toString(StandardCharsets.UTF_8));
    }
}
