package io.gatehouse.spec;

import java.util.Iterator;
import java.util.List;

/** A body whose chunks are all in memory, so its length is known up front. */
record Chunks(List<byte[]> chunks) implements Body {

    static final Chunks EMPTY = new Chunks(List.of());

    @Override
    public Iterator<byte[]> iterator() {
        return chunks.iterator();
    }

    @Override
    public long length() {
        long total = 0;
        for (byte[] chunk : chunks) {
            total += chunk.length;
        }
        return total;
    }
}
