package io.gatehouse.appserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes every thread's stack of another JVM to the error log, virtual threads included, with
 * {@code jcmd PID Thread.dump_to_file}; the master does this before it kills a silent worker, so
 * the user sees where it hung (Gunicorn only kills).
 *
 * <p>{@code Thread.print} (and SIGQUIT) would miss virtual threads that are not mounted; the file
 * dump lists them all. The attach mechanism it uses runs on its own platform thread, so it answers
 * even when every carrier thread is stuck.
 *
 * {@snippet :
 * ThreadDump.write(pid, errorLog);
 * }
 */
final class ThreadDump {

    private static final long JCMD_SECONDS = 20;

    private ThreadDump() {
    }

    /**
     * @param pid      the JVM to dump (a child of this process, same user)
     * @param errorLog where the dump goes
     */
    static void write(long pid, PrintStream errorLog) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Path dir = Files.createTempDirectory("gatehouse-dump");
            Path file = dir.resolve("threads-" + pid + ".txt");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.dump_to_file",
                "-format=text", file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (Files.exists(file)) {
                errorLog.println("[master] thread dump of worker " + pid + ":");
                errorLog.print(Files.readString(file));
                errorLog.println("[master] end of thread dump of worker " + pid);
                Files.delete(file);
            } else {
                errorLog.println("[master] no thread dump from worker " + pid + " (jcmd gave none)");
            }
            Files.delete(dir);
        } catch (IOException e) {
            errorLog.println("[master] cannot dump the threads of worker " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        errorLog.flush();
    }
}
