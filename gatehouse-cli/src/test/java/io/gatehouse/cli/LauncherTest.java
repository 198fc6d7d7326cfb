package io.gatehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK finder shared by ./gatehouse, scripts/test and .ci/run, run against fake JDK homes. */
class LauncherTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path jvms;

    @Test
    void picksTheNewestJdkOfAtLeast25() throws Exception {
        fakeJdk("java-17", "17.0.15", true);
        fakeJdk("temurin-25", "25.0.3", true);
        fakeJdk("jdk-26", "26-ea", true);
        fakeJdk("jre-27", "27", false);   // no javac: cannot build, does not count
        assertEquals(new Result(0, jvms.resolve("jdk-26") + "\n"),
            bash(". scripts/lib/jdk.sh && gatehouse_find_jdk", Map.of("GATEHOUSE_JVM_DIR", jvms.toString())));
    }

    @Test
    void aNewEnoughJavaHomeComesFirst() throws Exception {
        fakeJdk("jdk-26", "26", true);
        Path home = fakeJdk("own-25", "25.0.1", true);
        assertEquals(new Result(0, home + "\n"), bash(". scripts/lib/jdk.sh && gatehouse_find_jdk",
            Map.of("GATEHOUSE_JVM_DIR", jvms.toString(), "JAVA_HOME", home.toString())));
    }

    @Test
    void anOldJavaHomeIsPassedOver() throws Exception {
        Path old = fakeJdk("java-17", "17.0.15", true);
        fakeJdk("temurin-25", "25.0.3", true);
        assertEquals(new Result(0, jvms.resolve("temurin-25") + "\n"), bash(". scripts/lib/jdk.sh && gatehouse_find_jdk",
            Map.of("GATEHOUSE_JVM_DIR", jvms.toString(), "JAVA_HOME", old.toString())));
    }

    @Test
    void theLauncherWithNoJdkPrintsOneLineSayingWhatToInstall() throws Exception {
        Path old = fakeJdk("java-17", "17.0.15", true);
        Result result = bash("./gatehouse --version 2>&1",
            Map.of("GATEHOUSE_JVM_DIR", jvms.toString(), "JAVA_HOME", old.toString()));
        assertEquals(new Result(1, "gatehouse: needs a JDK 25 or newer; none found in JAVA_HOME or " + jvms
            + " (install e.g. the temurin-25-jdk package, or set JAVA_HOME)\n"), result);
    }

    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        for (String tool : withJavac ? List.of("java", "javac") : List.of("java")) {
            Path script = home.resolve("bin").resolve(tool);
            Files.writeString(script, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    private static Result bash(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile())
            .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
