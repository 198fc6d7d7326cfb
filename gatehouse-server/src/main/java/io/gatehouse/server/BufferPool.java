package io.gatehouse.server;

/**
 * Large I/O buffers shared by all connections. A connection holds its 16 KiB read and write
 * buffers only while a request is under way and gives them back when it goes idle, so thousands
 * of idle keep-alive connections cost a few KiB each instead of 32 (issue 3's memory target).
 *
 * <p>An array used as a stack under a short lock: no allocation per use, and the lock is held for
 * a few instructions (virtual threads do not pin on {@code synchronized} since JDK 24). Bounded:
 * buffers beyond the capacity are left to the garbage collector.
 */
final class BufferPool {

    private final byte[][] free;
    private final int bufferSize;
    private int count;

    BufferPool(int bufferSize, int capacity) {
        this.bufferSize = bufferSize;
        this.free = new byte[capacity][];
    }

    byte[] acquire() {
        synchronized (this) {
            if (count > 0) {
                byte[] buffer = free[--count];
                free[count] = null;
                return buffer;
            }
        }
        return new byte[bufferSize];
    }

    /** Takes a buffer back; one of another size (a head that outgrew its array) is left to the GC. */
    void release(byte[] buffer) {
        if (buffer.length != bufferSize) {
            return;
        }
        synchronized (this) {
            if (count < free.length) {
                free[count++] = buffer;
            }
        }
    }
}
