package io.gatehouse.spec;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyTest {

    private static byte[] concat(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void emptyHasNoChunksAndLengthZero() throws Exception {
        Body empty = Body.empty();
        assertFalse(empty.iterator().hasNext());
        assertEquals(0, empty.length());
        empty.close(); // the default close does nothing and may be called
    }

    @Test
    void inMemoryBodiesKnowTheirLengthAndKeepOrder() {
        byte[] a = {1, 2};
        byte[] b = {3};
        assertEquals(2, Body.of(a).length());
        Body two = Body.of(a, new byte[0], b);
        assertEquals(3, two.length());
        assertArrayEquals(new byte[] {1, 2, 3}, concat(two));
        List<byte[]> chunks = new ArrayList<>(List.of(a, b));
        Body listed = Body.of(chunks);
        chunks.clear(); // the list is copied, the chunks are not
        assertEquals(3, listed.length());
        assertSame(a, listed.iterator().next());
    }

    @Test
    void textIsUtf8() {
        Body text = Body.of("héllo");
        assertEquals(6, text.length());
        assertArrayEquals(new byte[] {'h', (byte) 0xC3, (byte) 0xA9, 'l', 'l', 'o'}, concat(text));
    }

    @Test
    void streamedBodyRunsItsCleanupOnCloseAndHasUnknownLength() throws Exception {
        int[] closed = {0};
        Body streamed = Body.of(List.of(new byte[] {7}), () -> closed[0]++);
        assertEquals(-1, streamed.length());
        assertArrayEquals(new byte[] {7}, concat(streamed));
        assertEquals(0, closed[0]);
        streamed.close();
        assertEquals(1, closed[0]);
        assertThrows(NullPointerException.class, () -> Body.of(List.of(), null));
    }
}
