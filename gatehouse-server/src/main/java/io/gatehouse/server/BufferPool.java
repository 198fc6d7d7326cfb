package io.gatehouse.server;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Large I/O buffers shared by all connections. A connection holds its 16 KiB read and write
 * buffers only while a request is under way and gives them back when it goes idle, so thousands
 * of idle keep-alive connections cost a few KiB each instead of 32 (issue 3's memory target).
 * Bounded: buffers beyond {@code max} are left to the garbage collector.
 */
final class BufferPool {

    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int bufferSize;
    private final int max;

    BufferPool(int bufferSize, int max) {
        this.bufferSize = bufferSize;
        this.max = max;
    }

    byte[] acquire() {
        byte[] buffer = free.poll();
        if (buffer == null) {
            return new byte[bufferSize];
        }
        size.decrementAndGet();
        return buffer;
    }

    void release(byte[] buffer) {
        if (size.incrementAndGet() <= max) {
            free.offer(buffer);
        } else {
            size.decrementAndGet();
        }
    }

    int bufferSize() {
        return bufferSize;
    }
}
