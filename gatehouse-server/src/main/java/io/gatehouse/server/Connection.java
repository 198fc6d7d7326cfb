package io.gatehouse.server;

import io.gatehouse.http.HttpDate;
import io.gatehouse.http.HttpViolationException;
import io.gatehouse.http.RequestHead;
import io.gatehouse.http.RequestParser;
import io.gatehouse.http.ResponseHeadWriter;
import io.gatehouse.http.Violation;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.EarlyHints;
import io.gatehouse.spec.Environ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client connection, served by one virtual thread with plain blocking code: read, feed the
 * parser, call the application, write.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>Accepted: TCP_NODELAY on, counted, registered with the server (for graceful stop). With
 *       the PROXY protocol on and a trusted peer, {@link ProxyPreface} reads the header first.</li>
 *   <li>Waiting for a head. While nothing of a request has arrived the connection is idle: it
 *       waits up to the keep-alive timeout (the head timeout for the first request), then closes
 *       without a word; a graceful stop closes it at once, except before the first request,
 *       which is still answered (the client connected while the server accepted). From the first byte, the whole head
 *       must arrive within the head timeout, else 408 (slow-loris guard).</li>
 *   <li>Exchange: {@link GatewayCall} builds the environ, the application is called, and
 *       {@link ResponseSender} writes the response; the body is closed whatever happens.</li>
 *   <li>Finishing: what the application left of the request body is read and discarded (up to a
 *       bound), so the next request can be parsed. Output is written when no complete request is
 *       left in what was read and nothing more has arrived (or when the output buffer is full),
 *       so pipelined responses leave in one write, as with Netty and nginx.</li>
 *   <li>Back to 2 when both sides allow keep-alive and the server is not stopping; else closed.</li>
 * </ol>
 * A request that breaks HTTP/1.1 ({@link HttpViolationException}) is answered once with its
 * status, here and only here, and the connection closes.
 */
final class Connection implements Runnable {

    /** What an idle connection reads into; most request heads fit, larger ones take more reads. */
    private static final int IDLE_BUFFER_SIZE = 512;
    private static final long MAX_DRAIN = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Server server;
    private final ServerConfig config;
    private final Application application;
    private final SocketChannel channel;
    /**
     * Where request bytes come from: the socket, or TLS over it, which reads the socket on its own
     * (the socket itself for a PROXY header). Only the plain socket may be read early without waiting.
     */
    private ReadableByteChannel source;
    private final BufferPool pool;
    private final byte[] idleBytes = new byte[IDLE_BUFFER_SIZE];
    private final ByteBuffer idleBuffer = ByteBuffer.wrap(idleBytes).limit(0);
    private byte[] readBytes = idleBytes;
    private ByteBuffer readBuffer = idleBuffer;
    private final RequestParser parser;
    private final SocketOutput out;
    /** TLS over {@link #channel}, or null for plain HTTP: the one seam between the two. */
    private final TlsChannel tls;
    private final ResponseHeadWriter headWriter = new ResponseHeadWriter();
    /** The addresses; replaced once when a PROXY protocol header names the real client. */
    private ConnectionInfo info;
    private final GatewayCall.LastHost lastHost = new GatewayCall.LastHost();
    /** When a thread began serving this connection: the first head's timeout runs from here, not
     *  from the accept, since a bounded pool may keep an accepted connection waiting (ConnectionThreads). */
    private long acceptedNanos;
    private volatile boolean idle;
    /** Whether a request was answered here; until then a graceful stop still waits for one. */
    private volatile boolean answeredOne;
    private volatile long readDeadline;
    private volatile boolean readTimedOut;
    private boolean responding;
    private RequestBodyInput input;

    Connection(Server server, SocketChannel channel) throws IOException {
        this.server = server;
        this.config = server.config();
        this.application = server.application();
        this.channel = channel;
        this.parser = new RequestParser(config.limits());
        this.pool = server.buffers();
        TlsConfig tlsConfig = config.tls();
        this.tls = tlsConfig == null ? null : tlsConfig.over(channel);
        this.source = tls == null ? channel : tls;
        this.out = new SocketOutput(tls == null ? channel : tls, pool, server.stats());
        this.info = ConnectionInfo.of(channel, config);
        if (info.remotePort() != null) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);   // TCP only, not a Unix socket
        }
    }

    @Override
    public void run() {
        acceptedNanos = System.nanoTime();
        try {
            if (config.proxyProtocol().expectedFrom(info.remoteAddr())) {
                source = channel;   // the header comes before the TLS handshake, in clear
                ConnectionInfo relayed = new ProxyPreface(this, acceptedNanos + config.headerTimeout().toNanos())
                    .read(info);
                if (relayed == null) {
                    return;   // no valid header: closed without a response (logged)
                }
                info = relayed;
                if (tls != null) {
                    tls.alreadyRead(readBuffer);
                    source = tls;
                }
            }
            boolean first = true;
            RequestHead head;
            while ((head = readHead(first)) != null && exchange(head)) {
                first = false;
                answeredOne = true;
            }
        } catch (HttpViolationException e) {
            reject(e.violation());
        } catch (IOException | UncheckedIOException e) {
            // The client went away or the socket failed: nothing to answer, nothing to keep.
        } catch (RuntimeException e) {
            // Not the application's (exchange answers those with a 500): a defect of the server's
            // own, which must never close a connection silently.
            if (config.logLevel().allows(LogLevel.ERROR)) {
                synchronized (config.errorLog()) {
                    config.errorLog().println("gatehouse: internal error on a connection from " + info.remoteAddr()
                        + ":" + info.remotePort() + "; closing it");
                    e.printStackTrace(config.errorLog());
                }
            }
        } finally {
            close();
        }
    }

    private RequestHead readHead(boolean first) throws IOException, HttpViolationException {
        long headTimeout = config.headerTimeout().toNanos();
        long deadline = first ? acceptedNanos + headTimeout : 0;
        while (true) {
            if (readBuffer.hasRemaining()) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + headTimeout;
                }
                if (parser.feed(readBuffer) == RequestParser.Event.HEAD) {
                    return parser.head();
                }
            }
            boolean waiting = !parser.startedNextRequest();
            long timeoutMillis;
            if (waiting && !first) {
                timeoutMillis = server.executor().keepAliveMillis(config.keepAliveTimeout().toMillis());
            } else {
                timeoutMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (timeoutMillis <= 0) {
                    if (waiting) {
                        return null;
                    }
                    throw new HttpViolationException(Violation.HEAD_TIMEOUT);
                }
            }
            int n;
            try {
                if (waiting) {
                    out.flush();
                    goIdle();
                    idle = true;
                    if (server.stopping() && !first) {
                        return null;
                    }
                }
                n = fill(timeoutMillis);
                if (n > 0 && readBytes == idleBytes) {
                    wake(n == IDLE_BUFFER_SIZE);
                }
            } catch (SocketTimeoutException e) {
                if (waiting) {
                    return null;   // idle too long: close without a response
                }
                throw new HttpViolationException(Violation.HEAD_TIMEOUT);   // RFC 9110, section 15.5.9
            } finally {
                idle = false;
            }
            if (n < 0) {
                return null;
            }
        }
    }

    /** @return whether the connection may serve another request */
    private boolean exchange(RequestHead head) throws IOException, HttpViolationException {
        server.stats().request();
        responding = false;
        input = new RequestBodyInput(this, head);
        Environ environ = GatewayCall.environ(info, head, input, lastHost);
        if (tls != null) {
            tls.addVariables(environ);
        }
        ResponseStart start = new ResponseStart(config);
        ResponseSender sender = new ResponseSender(this, head, start);
        if (head.minorVersion() == 1) {
            environ.put(Environ.GATEWAY_EARLY_HINTS, (EarlyHints) sender::earlyHints);
        }
        responding = true;
        Body body = null;
        try {
            body = application.call(environ, start);
            if (body == null) {
                throw new NullPointerException("the application returned null instead of a Body");
            }
            sender.send(body);
        } catch (Throwable failure) {
            if (out.broken()) {
                return false;   // the client left or stalled past the write timeout
            }
            if (input.violation() != null && !sender.committed()) {
                throw new HttpViolationException(input.violation());
            }
            logFailure(head, failure);
            if (sender.committed()) {
                return false;   // docs/spec.md 8.4: too late for a 500; close without completing
            }
            sender.internalError();
        } finally {
            if (body != null) {
                closeBody(body);
            }
        }
        boolean keep = sender.keepAlive() && input.drain(MAX_DRAIN);
        if (!readBuffer.hasRemaining() || !keep) {
            out.flush();
        }
        return keep;
    }

    /** Gives the large buffers back to the pool; only bytes of a next request could be kept. */
    private void goIdle() {
        out.release();
        releaseHeadBytes();
        parser.releaseHead();
        input = null;
        if (readBytes != idleBytes && !readBuffer.hasRemaining()) {
            pool.release(readBytes);
            readBytes = idleBytes;
            readBuffer = idleBuffer.clear().limit(0);
        }
    }

    private void releaseHeadBytes() {
        byte[] held = headWriter.release();
        if (held != null) {
            server.headBuffers().release(held);
        }
    }

    /**
     * Bytes arrived on an idle connection: move them into a large buffer for the request. When
     * they filled the small buffer, more may wait in the socket (a long head, pipelined requests):
     * take them now, without waiting, so the requests they complete are answered together.
     */
    private void wake(boolean full) throws IOException {
        byte[] large = pool.acquire();
        int n = readBuffer.remaining();
        readBuffer.get(large, 0, n);
        readBytes = large;
        readBuffer = ByteBuffer.wrap(large).limit(n);
        headWriter.use(server.headBuffers().acquire());
        if (full) {
            fillArrived();
        }
    }

    private void closeBody(Body body) {
        try {
            body.close();
        } catch (Throwable e) {
            log(LogLevel.WARNING, "closing the response body failed: " + e);
        }
    }

    /** Answers a violation once, with its status, and lets the connection close (RFC 9112, 9.6). */
    private void reject(Violation violation) {
        server.stats().rejection(violation);
        if (config.logLevel().allows(LogLevel.DEBUG)) {   // off by default: no string built per rejection
            log(LogLevel.DEBUG, "rejected a request from " + info.remoteAddr() + ":" + info.remotePort() + " with "
                + violation.status() + ": " + violation + " (" + violation.rfc() + ")");
        }
        if (responding && out.broken()) {
            return;
        }
        byte[] text = (violation.statusText().substring(4) + ": " + violation + " (" + violation.rfc() + ")\n")
            .getBytes(StandardCharsets.US_ASCII);
        headWriter.statusLine(1, violation.statusText()).line(HttpDate.fieldLine()).line(serverLine())
            .field("Content-Type", "text/plain; charset=utf-8")
            .field("Content-Length", text.length)
            .field("Connection", "close")
            .end();
        try {
            out.write(headWriter.bytes(), 0, headWriter.length());
            out.write(text);
            out.flush();
            server.stats().response(violation.status());
        } catch (IOException e) {
            // The client is gone; the connection closes anyway.
        }
    }

    /**
     * Reads more bytes after what the buffer holds, flushing pending output first.
     *
     * @return bytes read, or -1 at end of stream
     * @throws SocketTimeoutException when nothing arrived in time (see {@link TimeoutWatchdog})
     */
    int fill(long timeoutMillis) throws IOException {
        if (out.pending()) {
            // Responses are waiting: send them only if the client has nothing more for us yet, so
            // pipelined requests split across reads are still answered in one write.
            int n = fillArrived();
            if (n != 0) {
                return n;
            }
            out.flush();
        }
        readBuffer.compact();
        readDeadline = (System.nanoTime() + timeoutMillis * 1_000_000) | 1;
        if (idle) {
            // A connection queued for a thread after this wait's length was chosen found no deadline
            // to hurry yet: look again now that there is one (deadline written, then the queue read;
            // the pool adds to its queue, then reads the deadlines).
            long crowded = server.executor().keepAliveMillis(timeoutMillis);
            if (crowded < timeoutMillis) {
                hurryIfIdle(crowded);
            }
        }
        try {
            int n = source.read(readBuffer);
            if (n > 0) {
                server.stats().bytesIn(n);
            } else if (n < 0 && readTimedOut) {
                throw new SocketTimeoutException("no bytes within " + timeoutMillis + " ms");
            }
            return n;
        } finally {
            readDeadline = 0;
            readBuffer.flip();
        }
    }

    /**
     * Reads what has already arrived, without waiting.
     *
     * <p>The socket of a virtual thread is non-blocking underneath already (the JDK parks the
     * thread instead of blocking), so switching the channel's mode for one read is a flag, not a
     * system call. Plain sockets only: a transport that reads the socket itself (TLS) would see
     * a non-blocking socket it does not expect, so over one nothing is taken early, which only
     * costs an extra write.
     *
     * @return bytes read, 0 when nothing had arrived, or -1 at end of stream
     */
    private int fillArrived() throws IOException {
        if (source != channel) {
            return 0;
        }
        readBuffer.compact();
        try {
            int n;
            channel.configureBlocking(false);
            try {
                n = channel.read(readBuffer);
            } finally {
                channel.configureBlocking(true);
            }
            if (n > 0) {
                server.stats().bytesIn(n);
            }
            return n;
        } finally {
            readBuffer.flip();
        }
    }

    void sendContinue() throws IOException {
        out.write(CONTINUE);
        server.stats().response(100);
    }

    /** @return whether the next request may come on this connection, as far as the server is concerned */
    boolean mayKeepAlive(RequestHead head) {
        return head.keepAlive() && !server.stopping() && !server.executor().crowded() && input.drainable(MAX_DRAIN);
    }

    void log(LogLevel level, String message) {
        config.log(level, message);
    }

    private void logFailure(RequestHead head, Throwable failure) {
        if (!config.logLevel().allows(LogLevel.ERROR)) {
            return;
        }
        synchronized (config.errorLog()) {
            config.errorLog().println("gatehouse: application failed on " + head.method() + " " + head.target()
                + " from " + info.remoteAddr() + ":" + info.remotePort());
            failure.printStackTrace(config.errorLog());
        }
    }

    /**
     * Closes the connection if it waits between requests; used by graceful stop. A connection that
     * has not answered its first request yet is left alone: the client connected while the server
     * was still accepting, so its request is on the way and gets an answer (with
     * {@code Connection: close}) within the head timeout and the grace period.
     */
    void closeIfIdle() {
        if (idle && answeredOne) {
            abort("server stopping");
        }
    }

    /**
     * Shortens the wait of a connection idle between requests to at most {@code millis} from now
     * (the {@link TimeoutWatchdog} then ends it): how a bounded pool gets a thread back from a
     * silent keep-alive client when others wait. Closing at once instead would reset clients
     * whose next request is already on the way.
     */
    void hurryIfIdle(long millis) {
        long deadline = readDeadline;
        long sooner = (System.nanoTime() + millis * 1_000_000) | 1;
        if (idle && answeredOne && deadline != 0 && sooner - deadline < 0) {
            readDeadline = sooner;
        }
    }

    /** Closes the socket from another thread: the blocked read or write fails at once. */
    void abort(String reason) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void close() {
        try {
            out.flush();
        } catch (IOException e) {
            // the client is gone
        }
        out.release();
        releaseHeadBytes();
        if (readBytes != idleBytes) {
            pool.release(readBytes);
            readBytes = idleBytes;
        }
        try {
            if (tls != null) {
                tls.close();   // close_notify first, then the socket
            }
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
        server.connectionClosed(this);
    }

    /** @return when the blocked read times out ({@link System#nanoTime()}), or 0 when none blocks */
    long readDeadline() {
        return readDeadline;
    }

    /** Ends a read that waited too long: it sees end of stream, and output still works for a 408. */
    void timeOutRead() {
        readTimedOut = true;
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            abort("read timed out");
        }
    }

    long writingSince() {
        return out.writingSince();
    }

    long bodyTimeoutMillis() {
        return config.bodyTimeout().toMillis();
    }

    RequestParser parser() {
        return parser;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    SocketOutput output() {
        return out;
    }

    ResponseHeadWriter headWriter() {
        return headWriter;
    }

    ServerStats stats() {
        return server.stats();
    }

    byte[] serverLine() {
        return server.serverLine();
    }
}
