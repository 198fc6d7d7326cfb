package io.gatehouse.server;

import io.gatehouse.http.HttpViolationException;
import io.gatehouse.http.RequestHead;
import io.gatehouse.http.RequestParser;
import io.gatehouse.http.Violation;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.Trailers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code gateway.input}: the request body, decoded from Content-Length or chunked framing by the
 * connection's parser straight out of its read buffer, ending exactly at the body's end
 * (docs/spec.md, section 5). {@code 100 Continue} goes out on the first read, so it means that
 * the application wants the body. Each wait for bytes is bounded by the body timeout.
 */
final class RequestBodyInput extends InputStream implements Trailers {

    private final Connection connection;
    private final RequestHead head;
    private boolean done;
    private long consumed;
    private boolean continueSent;
    private IOException failure;
    private Violation violation;
    private List<Header> trailers = List.of();

    RequestBodyInput(Connection connection, RequestHead head) {
        this.connection = connection;
        this.head = head;
        this.done = !head.hasBody();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (head.expectContinue() && !continueSent) {
            connection.sendContinue();   // RFC 9110, section 10.1.1: the application wants the body
            continueSent = true;
        }
        try {
            return readBody(b, off, len);
        } catch (HttpViolationException e) {
            violation = e.violation();
            failure = new IOException("bad request body: " + e.getMessage());
            throw failure;
        } catch (SocketTimeoutException e) {
            violation = Violation.BODY_TIMEOUT;
            failure = e;
            throw e;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private int readBody(byte[] b, int off, int len) throws IOException, HttpViolationException {
        RequestParser parser = connection.parser();
        ByteBuffer buffer = connection.readBuffer();
        while (true) {
            if (parser.messageComplete()) {
                finish(parser);
                return -1;
            }
            if (buffer.hasRemaining()) {
                int limit = buffer.limit();
                buffer.limit((int) Math.min(limit, (long) buffer.position() + len));
                RequestParser.Event event;
                try {
                    event = parser.feed(buffer);
                } finally {
                    buffer.limit(limit);
                }
                if (event == RequestParser.Event.BODY) {
                    int n = parser.bodyLength();
                    buffer.get(parser.bodyStart(), b, off, n);
                    consumed += n;
                    if (parser.messageComplete()) {
                        finish(parser);
                    }
                    return n;
                }
                continue;
            }
            if (connection.fill(connection.bodyTimeoutMillis()) < 0) {
                throw new EOFException("the client closed the connection before the end of the body");
            }
        }
    }

    private void finish(RequestParser parser) {
        done = true;
        List<String[]> fields = parser.trailers();
        if (!fields.isEmpty()) {
            List<Header> list = new ArrayList<>(fields.size());
            for (String[] field : fields) {
                list.add(Header.of(field[0], field[1]));
            }
            trailers = List.copyOf(list);
        }
    }

    /**
     * Reads and discards what the application left of the body, so the next request can be read.
     *
     * @param max the most bytes worth reading; beyond, closing is cheaper
     * @return whether the body was consumed to its end
     */
    boolean drain(long max) {
        if (done) {
            return failure == null;
        }
        if (failure != null || head.expectContinue() && !continueSent) {
            return false;   // the client waits for 100 Continue, or the body is unreadable: close
        }
        byte[] scratch = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = read(scratch, 0, scratch.length)) >= 0) {
                total += n;
                if (total > max) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the rest of the body can be read and discarded after the response, so the
     * connection can serve another request: not when the client waits for a 100 Continue that
     * never came (it may never send the body), nor when more than {@code max} bytes are left.
     *
     * @param max the most bytes worth draining
     * @return whether keep-alive remains possible as far as the request body goes
     */
    boolean drainable(long max) {
        if (done) {
            return failure == null;
        }
        if (failure != null || head.expectContinue() && !continueSent) {
            return false;
        }
        return head.chunked() || head.contentLength() - consumed <= max;
    }

    /** @return the violation found in the body's framing, or null */
    Violation violation() {
        return violation;
    }

    /** @return whether reading failed (a bad chunk, a timeout, a disconnect) */
    boolean failed() {
        return failure != null;
    }

    /** {@code gateway.input_trailers}: empty until the body has been read to its end. */
    @Override
    public List<Header> fields() {
        return trailers;
    }
}
