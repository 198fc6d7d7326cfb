package io.gatehouse.server;

import io.gatehouse.http.ChunkedEncoder;
import io.gatehouse.http.HttpDate;
import io.gatehouse.http.RequestHead;
import io.gatehouse.http.ResponseHeadWriter;
import io.gatehouse.http.Tokens;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.FileBody;
import io.gatehouse.spec.Header;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * Writes one response (docs/spec.md, section 8): headers go out with the first non-empty chunk or
 * at the body's end; framing is the application's Content-Length, else {@code Body.length()},
 * else chunked (HTTP/1.1), else until close (HTTP/1.0). HEAD, 1xx, 204 and 304 send no body bytes.
 * A body that breaks its declared length ends the connection without completing the response.
 */
final class ResponseSender {

    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }


    private final Connection connection;
    private final SocketOutput out;
    private final RequestHead head;
    private final ResponseStart start;
    private final ResponseHeadWriter writer;
    private final boolean headRequest;
    private byte[] sizeLine;
    private Framing framing;
    private long remaining;
    private boolean keepAlive;
    private boolean committed;
    private boolean complete;

    ResponseSender(Connection connection, RequestHead head, ResponseStart start) {
        this.connection = connection;
        this.out = connection.output();
        this.head = head;
        this.start = start;
        this.writer = connection.headWriter();
        this.headRequest = head.method().equals("HEAD");
    }

    /** Iterates the body and writes it; the caller closes the body. */
    void send(Body body) throws IOException {
        if (body instanceof FileBody file && !headRequest) {
            commit(body, false);
            if (framing == Framing.LENGTH) {
                long count = Math.min(remaining, file.count());
                out.transfer(file.channel(), file.position(), count);
                remaining -= count;
            } else if (framing != Framing.NONE) {
                out.transfer(file.channel(), file.position(), file.count());
            }
            finish();
            return;
        }
        // docs/spec.md 7: a streamed body (length unknown) has each chunk sent before the next is asked
        // for, so a slow producer's bytes reach the client as they are made; the chunks of a body
        // whose length is known already exist, so they may leave together with the head.
        boolean streamed = body.length() < 0;
        Iterator<byte[]> chunks = body.iterator();
        while (chunks.hasNext()) {
            byte[] chunk = chunks.next();
            if (chunk.length == 0) {
                continue;
            }
            if (!committed) {
                commit(body, false);
            }
            if (!write(chunk)) {
                break;
            }
            if (streamed) {
                out.flush();
            }
        }
        if (!committed) {
            commit(body, true);
        }
        finish();
    }

    private boolean write(byte[] chunk) throws IOException {
        switch (framing) {
            case NONE -> {
                return false;   // HEAD, 1xx, 204, 304: the bytes are not sent (and need not be made)
            }
            case LENGTH -> {
                if (chunk.length > remaining) {
                    out.write(chunk, 0, (int) remaining);
                    remaining = -1;
                    connection.log(LogLevel.ERROR,
                        "application body is longer than its Content-Length; connection closed");
                    keepAlive = false;
                    return false;
                }
                out.write(chunk);
                remaining -= chunk.length;
            }
            case CHUNKED -> {
                if (sizeLine == null) {
                    sizeLine = new byte[ChunkedEncoder.MAX_SIZE_LINE];
                }
                int n = ChunkedEncoder.writeSizeLine(sizeLine, 0, chunk.length);
                out.write(sizeLine, 0, n);
                out.write(chunk);
                out.write(ChunkedEncoder.CRLF);
            }
            case UNTIL_CLOSE -> out.write(chunk);
        }
        return true;
    }

    private void finish() throws IOException {
        if (framing == Framing.LENGTH && remaining != 0) {
            if (remaining > 0) {
                connection.log(LogLevel.ERROR,
                    "application body is shorter than its Content-Length; connection closed");
            }
            keepAlive = false;   // docs/spec.md 8.1: the response cannot be completed
            return;
        }
        if (framing == Framing.CHUNKED && !headRequest) {
            out.write(ChunkedEncoder.LAST_CHUNK);
        }
        complete = true;
    }

    /** Decides framing and persistence and buffers the head (docs/spec.md 6.3 and 8.1). */
    private void commit(Body body, boolean ended) throws IOException {
        if (!start.started()) {
            throw new IllegalStateException("the application did not call start_response before its body "
                + (ended ? "ended" : "produced bytes"));
        }
        int status = start.statusCode();
        boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
        long declared = start.contentLength();
        writer.statusLine(head.minorVersion(), start.status()).line(HttpDate.fieldLine());
        if (!start.hasServerHeader()) {
            writer.line(connection.serverLine());
        }
        List<Header> headers = start.headers();
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            writer.field(header.name(), header.value());
        }
        if (declared >= 0) {
            framing = Framing.LENGTH;
            remaining = declared;
        } else if (!bodyAllowed) {
            framing = Framing.NONE;
        } else {
            long known = body.length();
            if (known < 0 && ended) {
                known = 0;
            }
            if (known >= 0) {
                writer.field("Content-Length", known);
                framing = Framing.LENGTH;
                remaining = known;
            } else if (head.minorVersion() == 1) {
                writer.field("Transfer-Encoding", "chunked");
                framing = Framing.CHUNKED;
            } else {
                framing = Framing.UNTIL_CLOSE;
            }
        }
        if (headRequest || !bodyAllowed) {
            framing = Framing.NONE;
        }
        keepAlive = framing != Framing.UNTIL_CLOSE && connection.mayKeepAlive(head);
        connectionField();
        writer.end();
        out.write(writer.bytes(), 0, writer.length());
        committed = true;
        start.markSent();
        connection.stats().response(status);
    }

    /** {@code gateway.early_hints} (RFC 8297): a 103 before the final headers; nothing afterwards. */
    void earlyHints(List<Header> hints) throws IOException {
        if (committed) {
            return;
        }
        for (Header hint : hints) {
            if (!Tokens.isFieldName(hint.name()) || !Tokens.isFieldValue(hint.value())) {
                throw new IllegalArgumentException("early hint header is not a valid field: " + hint.name());
            }
        }
        writer.statusLine(1, "103 Early Hints");
        for (Header hint : hints) {
            writer.field(hint.name(), hint.value());
        }
        writer.end();
        out.write(writer.bytes(), 0, writer.length());
        out.flush();
        connection.stats().response(103);
    }

    /** Answers 500 when the application failed before its headers went out (docs/spec.md 8.4). */
    void internalError() throws IOException {
        byte[] text = "Internal Server Error\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        keepAlive = connection.mayKeepAlive(head);
        writer.statusLine(head.minorVersion(), "500 Internal Server Error").line(HttpDate.fieldLine())
            .line(connection.serverLine())
            .field("Content-Type", "text/plain; charset=utf-8")
            .field("Content-Length", text.length);
        connectionField();
        writer.end();
        out.write(writer.bytes(), 0, writer.length());
        if (!headRequest) {
            out.write(text);
        }
        committed = true;
        complete = true;
        connection.stats().response(500);
    }

    /** RFC 9112 section 9.3: say "close" where 1.1 would persist, "keep-alive" where 1.0 would not. */
    private void connectionField() {
        if (!keepAlive && head.minorVersion() == 1) {
            writer.field("Connection", "close");
        } else if (keepAlive && head.minorVersion() == 0) {
            writer.field("Connection", "keep-alive");
        }
    }

    boolean committed() {
        return committed;
    }

    /** @return whether the response was written whole and the connection may serve another request */
    boolean keepAlive() {
        return complete && keepAlive;
    }
}
