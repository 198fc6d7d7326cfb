package io.gatehouse.server;

import io.gatehouse.spec.Environ;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * TLS over a connection's socket: the same blocking channel the plain path uses, with an
 * {@link SSLEngine} between the bytes the connection sees and the bytes on the wire. The
 * connection's virtual thread drives everything; there is no selector and no second thread.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>Handshake: done by the first {@link #read}, which the connection makes under the head
 *       timeout, so a client that stalls in the handshake is cut off like a slow-loris one. A
 *       failed handshake (say, TLS 1.1) sends the engine's alert and fails the read.</li>
 *   <li>Plain HTTP on this port: when the first byte is an ASCII capital (a request line, never
 *       a TLS record), a 400 in clear text says so, as nginx does, and the input ends.</li>
 *   <li>Records: {@link #read} unwraps into a plaintext buffer and hands out what fits;
 *       {@link #write(ByteBuffer[], int, int)} wraps the gathered buffers (head and body together)
 *       a record at a time. Post-handshake messages (TLS 1.3 tickets, key updates) are handled
 *       wherever they turn up.</li>
 *   <li>{@link #close}: a close_notify alert, attempted once without blocking, then the socket
 *       closes. The client's own close_notify reads as end of stream; a stream that ends without
 *       one does too (HTTP framing, not TLS, tells whether a message is whole).</li>
 * </ol>
 * The timeouts of the plain path apply unchanged: the watchdog shuts down or closes the socket
 * underneath, and the blocked read or write here fails.
 */
final class TlsChannel implements ByteChannel, GatheringByteChannel {

    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};
    private static final byte[] PLAIN_HTTP_ANSWER = plainHttpAnswer();
    private static final long MAX_LINGER_BYTES = 64 * 1024;
    /** What a connection waiting for its next request reads into: a small request fits. */
    private static final int IDLE_READ_SIZE = 512;

    private final SocketChannel socket;
    private final SSLEngine engine;
    /** Record-sized buffers, shared by the connections of a server, taken only while in use. */
    private final BufferPool pool;
    private final int pooledSize;
    private final ByteBuffer idleNetIn = ByteBuffer.allocate(IDLE_READ_SIZE).flip();
    /** Records read from the socket and not yet unwrapped; in read mode; null when empty. */
    private ByteBuffer netIn;
    /** Plaintext unwrapped and not yet read; in read mode; null when empty. */
    private ByteBuffer appIn;
    private boolean firstBytesSeen;
    private boolean inputEnded;
    /** Set when the peer is not speaking TLS or broke it: nothing more is sent but clear text. */
    private boolean failed;

    /**
     * @param socket the accepted connection, in blocking mode
     * @param engine a server-side engine with the settings of {@link TlsConfig}
     * @param pool       buffers of at least the engine's packet and application buffer sizes
     * @param pooledSize the size of the pool's buffers
     */
    TlsChannel(SocketChannel socket, SSLEngine engine, BufferPool pool, int pooledSize) {
        this.socket = socket;
        this.engine = engine;
        this.pool = pool;
        this.pooledSize = pooledSize;
    }

    /** Reads plaintext, handshaking first if needed. @return bytes read, or -1 at end of stream */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;   // as a socket channel does: never block for a read that cannot take a byte
        }
        while (appIn == null || !appIn.hasRemaining()) {
            if (inputEnded || !step()) {
                inputEnded = true;
                return -1;
            }
        }
        int n = Math.min(appIn.remaining(), dst.remaining());
        dst.put(dst.position(), appIn, appIn.position(), n);
        dst.position(dst.position() + n);
        appIn.position(appIn.position() + n);
        appIn = giveBackIfEmpty(appIn);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    /** Wraps and sends all of the buffers' bytes, a record at a time. */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (failed) {
            throw new IOException("the TLS connection failed; nothing more can be sent");
        }
        long written = 0;
        while (remaining(srcs, offset, length)) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                // A handshake under way (TLS 1.2 renegotiation) needs the client's bytes first;
                // application bytes read meanwhile wait in appIn for the next read.
                if (!unwrap()) {
                    throw new EOFException("the client closed the connection during a TLS handshake");
                }
            } else {
                SSLEngineResult result = wrap(srcs, offset, length);
                written += result.bytesConsumed();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new IOException("the TLS connection is closed");
                }
            }
        }
        return written;
    }

    /** Advances the engine by one unit of work. @return false at the end of the input */
    private boolean step() throws IOException {
        switch (engine.getHandshakeStatus()) {
            case NEED_TASK -> {
                runTasks();
                return true;
            }
            case NEED_WRAP -> {
                wrap(NOTHING, 0, 1);
                return true;
            }
            default -> {
                return unwrap();
            }
        }
    }

    /** Unwraps one record into appIn, reading from the socket when no whole record is here. */
    private boolean unwrap() throws IOException {
        if (failed) {
            return false;
        }
        if (netIn == null) {
            return readRecords();
        }
        ByteBuffer plain = appIn == null ? take().limit(0) : appIn;
        SSLEngineResult result;
        plain.compact();
        try {
            result = engine.unwrap(netIn, plain);
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } finally {
            plain.flip();
            appIn = giveBackIfEmpty(plain);
        }
        return switch (result.getStatus()) {
            case OK -> {
                netIn = giveBackIfEmpty(netIn);
                yield true;
            }
            case CLOSED -> false;   // the client's close_notify
            case BUFFER_OVERFLOW -> {
                appIn = grown(plain, engine.getSession().getApplicationBufferSize());
                yield true;
            }
            case BUFFER_UNDERFLOW -> readRecords();
        };
    }

    /**
     * Reads records from the socket. With nothing pending, it waits with a small buffer, so that
     * a connection idle between requests holds no record-sized one.
     *
     * @return false at the end of the socket's input
     */
    private boolean readRecords() throws IOException {
        if (netIn == null) {
            idleNetIn.clear();
            int n;
            try {
                n = socket.read(idleNetIn);
            } finally {
                idleNetIn.flip();
            }
            if (n < 0) {
                return false;
            }
            if (!firstBytesSeen) {
                firstBytesSeen = true;
                byte first = idleNetIn.get(0);
                if (first >= 'A' && first <= 'Z') {   // a request line; a TLS record starts with 20-23
                    answerPlainHttp();
                    return false;
                }
            }
            netIn = take().put(idleNetIn).flip();
            return true;
        }
        if (netIn.position() == 0 && netIn.limit() == netIn.capacity()) {
            netIn = grown(netIn, engine.getSession().getPacketBufferSize());
        }
        netIn.compact();
        try {
            return socket.read(netIn) >= 0;
        } finally {
            netIn.flip();
        }
    }

    private SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length) throws IOException {
        ByteBuffer record = take();
        try {
            SSLEngineResult result;
            try {
                result = engine.wrap(srcs, offset, length, record);
            } finally {
                record.flip();
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                // The engine wants more room than a pooled buffer has: wrap into a larger one.
                record = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 2);
                result = engine.wrap(srcs, offset, length, record);
                record.flip();
            }
            while (record.hasRemaining()) {
                socket.write(record);
            }
            return result;
        } finally {
            giveBack(record);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** After a failed unwrap the engine holds an alert for the client (RFC 8446 section 6.2). */
    private void sendAlert() {
        failed = true;
        try {
            wrap(NOTHING, 0, 1);
        } catch (IOException | RuntimeException e) {
            // The handshake failed anyway; the alert was a courtesy.
        }
    }

    /**
     * nginx's answer to the same mistake: a 400 in clear text, then the connection ends. What the
     * client still sends is read and dropped (up to a bound, and within the head timeout that the
     * caller's read is under) before the socket closes: closing with unread bytes would reset the
     * connection and could destroy the answer on its way.
     */
    private void answerPlainHttp() throws IOException {
        failed = true;
        ByteBuffer answer = ByteBuffer.wrap(PLAIN_HTTP_ANSWER);
        while (answer.hasRemaining()) {
            socket.write(answer);
        }
        socket.shutdownOutput();
        long dropped = 0;
        int n;
        while (dropped < MAX_LINGER_BYTES && (n = socket.read(idleNetIn.clear())) >= 0) {
            dropped += n;
        }
        idleNetIn.clear().flip();
    }

    /** The environ variables of a TLS connection (docs/spec.md, 4.1 "Over TLS"). */
    void addVariables(Environ environ) {
        TlsVariables.addTo(environ, engine);
    }

    /** Sends close_notify if the socket takes it at once, then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (!failed && socket.isOpen()) {
                engine.closeOutbound();
                socket.configureBlocking(false);   // a client that does not read must not hold us here
                // Before the handshake ends the engine says user_canceled first (RFC 8446 section 6.1).
                for (int alerts = 0; alerts < 2 && !engine.isOutboundDone(); alerts++) {
                    ByteBuffer alert = take();
                    try {
                        engine.wrap(NOTHING, alert);
                        socket.write(alert.flip());
                    } finally {
                        giveBack(alert);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client is gone or never spoke TLS; closing is all that is left.
        } finally {
            socket.close();
            giveBack(netIn);
            giveBack(appIn);
            netIn = null;
            appIn = null;
        }
    }

    /**
     * Hands over bytes the connection read from the socket before TLS began: the start of the
     * client's first record, read along with a PROXY protocol header that precedes the handshake.
     *
     * @param bytes in read mode; consumed
     */
    void alreadyRead(ByteBuffer bytes) {
        if (bytes.hasRemaining()) {
            firstBytesSeen = true;   // not plain HTTP here: the engine refuses what is not a record
            ByteBuffer start = bytes.remaining() <= pooledSize ? take() : ByteBuffer.allocate(bytes.remaining());
            netIn = start.put(bytes).flip();
        }
    }

    /** @return whether a record-sized buffer is held: only while bytes wait in it */
    boolean holdsBuffers() {
        return netIn != null || appIn != null;
    }

    /** @return a record-sized buffer from the pool, cleared (write mode) */
    private ByteBuffer take() {
        return ByteBuffer.wrap(pool.acquire());
    }

    /** @return null after giving the buffer back when nothing is left in it, else the buffer */
    private ByteBuffer giveBackIfEmpty(ByteBuffer buffer) {
        if (buffer.hasRemaining()) {
            return buffer;
        }
        giveBack(buffer);
        return null;
    }

    /** Pooled arrays go back; a larger one, made for an outsized record, is left to the collector. */
    private void giveBack(ByteBuffer buffer) {
        if (buffer != null && buffer.capacity() == pooledSize) {
            pool.release(buffer.array());
        }
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    private static boolean remaining(ByteBuffer[] buffers, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** @return a larger copy in read mode, with at least {@code more} bytes of room after its data */
    private static ByteBuffer grown(ByteBuffer buffer, int more) {
        ByteBuffer larger = ByteBuffer.allocate(buffer.remaining() + more);
        larger.put(buffer).flip();
        return larger;
    }

    private static byte[] plainHttpAnswer() {
        String body = "400 Bad Request: a plain HTTP request was sent to an HTTPS port; use https://\n";
        return ("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + body.length() + "\r\n"
            + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
