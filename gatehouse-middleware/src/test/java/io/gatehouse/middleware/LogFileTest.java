package io.gatehouse.middleware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void appendsLinesAndReopensAfterRotation() throws IOException {
        Path path = dir.resolve("access.log");
        Files.writeString(path, "earlier\n");
        try (LogFile log = LogFile.open(path)) {
            log.writeLine("one");
            Files.move(path, dir.resolve("access.log.1"));
            log.writeLine("two");           // still the old, renamed file, as with any logrotate
            log.reopen();
            log.writeLine("three");
            assertEquals(path, log.path());
        }
        assertEquals("earlier\none\ntwo\n", Files.readString(dir.resolve("access.log.1")));
        assertEquals("three\n", Files.readString(path));
    }

    @Test
    void aFailedReopenKeepsTheOldFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("logs"));
        Path path = sub.resolve("access.log");
        try (LogFile log = LogFile.open(path)) {
            Path moved = dir.resolve("moved.log");
            Files.move(path, moved);
            Files.delete(sub);
            IOException e = assertThrows(IOException.class, log::reopen);
            assertEquals("cannot open log file " + path + ": its directory does not exist", e.getMessage());
            log.writeLine("kept");
            assertEquals("kept\n", Files.readString(moved));
        }
    }

    @Test
    void openFailureIsOneLineAndClosedFileRefusesWrites() throws IOException {
        Path missing = dir.resolve("no/such/dir/access.log");
        assertEquals("cannot open log file " + missing + ": its directory does not exist",
            assertThrows(IOException.class, () -> LogFile.open(missing)).getMessage());
        LogFile log = LogFile.open(dir.resolve("x.log"));
        log.close();
        log.close();
        assertEquals("log file " + dir.resolve("x.log") + " is closed",
            assertThrows(IOException.class, () -> log.writeLine("late")).getMessage());
    }

    @Test
    void concurrentWritesAndReopensKeepEveryLineWhole() throws Exception {
        Path path = dir.resolve("busy.log");
        int writers = 4;
        int perWriter = 300;
        String padding = "x".repeat(200);
        List<Path> rotated = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (LogFile log = LogFile.open(path)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        log.writeLine(writer + "-" + i + " " + padding);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (int r = 0; r < 5; r++) {
                Path old = dir.resolve("busy.log." + r);
                Files.move(path, old);
                rotated.add(old);
                log.reopen();
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        rotated.add(path);
        Set<String> seen = new HashSet<>();
        for (Path file : rotated) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                assertTrue(line.matches("[0-9]+-[0-9]+ x{200}"), "whole line: " + line);
                assertTrue(seen.add(line), "written once: " + line);
            }
        }
        assertEquals(writers * perWriter, seen.size());
    }
}
