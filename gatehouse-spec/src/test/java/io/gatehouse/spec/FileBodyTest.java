package io.gatehouse.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileBodyTest {

    @TempDir
    Path dir;

    private Path file(int size) throws Exception {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        return Files.write(dir.resolve("data.bin"), content);
    }

    private static byte[] concat(Body body, int maxChunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : body) {
            assertTrue(chunk.length <= maxChunk, "chunk of " + chunk.length);
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    @Test
    void iteratesExactlyTheRegionInBlocks() throws Exception {
        Path path = file(200_000);
        byte[] all = Files.readAllBytes(path);
        try (FileBody body = new FileBody(FileChannel.open(path), 10, 150_000)) {
            assertEquals(150_000, body.length());
            assertEquals(10, body.position());
            assertEquals(150_000, body.count());
            assertArrayEquals(Arrays.copyOfRange(all, 10, 150_010), concat(body, 64 * 1024));
        }
    }

    @Test
    void emptyRegionHasNoChunks() throws Exception {
        try (FileBody body = new FileBody(FileChannel.open(file(10)), 5, 0)) {
            assertFalse(body.iterator().hasNext());
        }
    }

    @Test
    void fileThatShrinksEndsTheBodyEarly() throws Exception {
        Path path = file(100);
        try (FileBody body = new FileBody(FileChannel.open(path), 0, 100)) {
            try (FileChannel truncate = FileChannel.open(path, StandardOpenOption.WRITE)) {
                truncate.truncate(40);
            }
            assertEquals(40, concat(body, 100).length);
        }
    }

    @Test
    void closeClosesTheChannel() throws Exception {
        FileChannel channel = FileChannel.open(file(10));
        FileBody body = new FileBody(channel, 0, 10);
        assertTrue(channel.isOpen());
        body.close();
        assertFalse(channel.isOpen());
    }

    @Test
    void refusesNegativeRegions() throws Exception {
        try (FileChannel channel = FileChannel.open(file(10))) {
            assertThrows(IllegalArgumentException.class, () -> new FileBody(channel, -1, 5));
            assertThrows(IllegalArgumentException.class, () -> new FileBody(channel, 0, -5));
            assertThrows(NullPointerException.class, () -> new FileBody(null, 0, 5));
        }
    }

    @Test
    void defaultFileWrapperMakesAFileBody() throws Exception {
        Path path = file(20);
        try (Body body = FileWrapper.DEFAULT.wrap(FileChannel.open(path), 5, 10)) {
            assertInstanceOf(FileBody.class, body);
            assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(path), 5, 15), concat(body, 10));
        }
    }
}
