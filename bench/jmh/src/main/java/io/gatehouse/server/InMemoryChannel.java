package io.gatehouse.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * A connected socket with no kernel behind it, for measuring {@link Connection} alone: each read
 * hands over the next batch of request bytes (as a client that writes one batch and waits would),
 * until the script is done, then end of stream; writes are counted and dropped.
 */
final class InMemoryChannel extends SocketChannel {

    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 19000);

    private final byte[] batch;
    private int batchesLeft;
    private int batchOffset;
    private long bytesWritten;
    private int writeCalls;
    private ByteBuffer copy;

    /**
     * @param batch   the bytes one read delivers (one request, or several pipelined)
     * @param batches how many times the batch arrives before end of stream
     */
    InMemoryChannel(byte[] batch, int batches) {
        super(SelectorProvider.provider());
        this.batch = batch;
        this.batchesLeft = batches;
    }

    /** Keeps a copy of everything written, for checking what a run produced. */
    InMemoryChannel recording(int capacity) {
        copy = ByteBuffer.allocate(capacity);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (batchesLeft == 0) {
            return -1;
        }
        int n = Math.min(dst.remaining(), batch.length - batchOffset);
        dst.put(batch, batchOffset, n);
        batchOffset += n;
        if (batchOffset == batch.length) {
            batchOffset = 0;
            batchesLeft--;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src) {
        writeCalls++;
        return drain(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        writeCalls++;
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += drain(srcs[i]);
        }
        return n;
    }

    private int drain(ByteBuffer src) {
        int n = src.remaining();
        if (copy != null) {
            copy.put(src);
        } else {
            src.position(src.limit());
        }
        bytesWritten += n;
        return n;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    int writeCalls() {
        return writeCalls;
    }

    ByteBuffer written() {
        return copy.flip();
    }

    @Override
    public SocketChannel bind(SocketAddress local) {
        return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) {
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) {
        return null;
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public SocketChannel shutdownInput() {
        batchesLeft = 0;
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() {
        return this;
    }

    @Override
    public Socket socket() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isConnectionPending() {
        return false;
    }

    @Override
    public boolean connect(SocketAddress remote) {
        return true;
    }

    @Override
    public boolean finishConnect() {
        return true;
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return REMOTE;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return LOCAL;
    }

    @Override
    protected void implCloseSelectableChannel() {
        batchesLeft = 0;
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
    }
}
