package io.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A push parser for HTTP/1.1 requests (RFC 9112) that never touches a socket: the caller feeds it
 * whatever bytes arrived, and it may stop at any byte and resume with the next buffer. It parses
 * one request after another on the same connection (pipelining).
 *
 * {@snippet :
 * RequestParser parser = new RequestParser(Limits.DEFAULTS);
 * switch (parser.feed(buffer)) {                 // throws HttpViolationException
 *     case HEAD -> handle(parser.head());         // more body events follow if head().hasBody()
 *     case BODY -> consume(buffer, parser.bodyStart(), parser.bodyLength());
 *     case END -> finish(parser.trailerNames(), parser.trailerValues());
 *     case NEED_MORE -> readMore();
 * }
 * }
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>{@code REQUEST_LINE}: empty lines before it are skipped (RFC 9112, section 2.2); then
 *       method, target and version; beyond {@link Limits#maxRequestLine()}: 414.</li>
 *   <li>{@code FIELD_LINE}, until the empty line; then {@link FramingRules} decide the body
 *       framing and {@link Event#HEAD} is returned. Field and head limits: 431.</li>
 *   <li>{@code FIXED_BODY} (Content-Length) or {@code CHUNKED_BODY} ({@link ChunkedDecoder}): each
 *       call returns {@link Event#BODY} with bytes left in the caller's buffer (never copied).</li>
 *   <li>Back to {@code REQUEST_LINE}; {@link #messageComplete()} is true there.</li>
 * </ol>
 * Any violation throws {@link HttpViolationException}; the connection cannot be used afterwards.
 * An instance belongs to one connection and is not thread-safe.
 */
public final class RequestParser {

    /** What a call to {@link #feed} produced. */
    public enum Event {
        /** All input consumed, nothing complete: feed more. */
        NEED_MORE,
        /** The head is complete: {@link #head()}. If it has no body, the message is complete too. */
        HEAD,
        /** {@link #bodyLength()} body bytes at {@link #bodyStart()} of the buffer just fed. */
        BODY,
        /** A chunked body ended (trailers are read); the message is complete. */
        END
    }

    /** Named after what is read next. */
    enum State { REQUEST_LINE, FIELD_LINE, FIXED_BODY, CHUNKED_BODY }

    private final Limits limits;
    private final LineReader lines = new LineReader(256);
    private State state = State.REQUEST_LINE;
    private RequestHead head;
    private int headBytes;
    private long bodyRemaining;
    private ChunkedDecoder chunks;
    private int bodyStart;
    private int bodyLength;

    /** @param limits the size limits to enforce */
    public RequestParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Consumes bytes until an event; the buffer's position advances past what was consumed.
     *
     * @param in the bytes that arrived (position to limit)
     * @return the event
     * @throws HttpViolationException when the request breaks HTTP/1.1 or a limit
     */
    public Event feed(ByteBuffer in) throws HttpViolationException {
        return switch (state) {
            case REQUEST_LINE -> requestLine(in);
            case FIELD_LINE -> fieldLines(in);
            case FIXED_BODY -> fixedBody(in);
            case CHUNKED_BODY -> chunkedBody(in);
        };
    }

    private Event requestLine(ByteBuffer in) throws HttpViolationException {
        while (true) {
            if (!lines.read(in, limits.maxRequestLine(), Violation.REQUEST_LINE_TOO_LONG)) {
                return Event.NEED_MORE;
            }
            if (lines.length() > 0) {
                break;
            }
            lines.clear();   // RFC 9112, section 2.2: ignore empty lines before the request line
        }
        headBytes = lines.length() + 2;
        if (headBytes > limits.maxHeaderBytes()) {
            throw new HttpViolationException(Violation.HEAD_TOO_LARGE);
        }
        head = RequestLine.parse(lines.bytes(), lines.length());
        lines.clear();
        state = State.FIELD_LINE;
        return fieldLines(in);
    }

    private Event fieldLines(ByteBuffer in) throws HttpViolationException {
        while (true) {
            int room = limits.maxHeaderBytes() - headBytes - 2;
            boolean fieldLimitFirst = limits.maxHeaderFieldSize() <= room;
            if (!lines.read(in, fieldLimitFirst ? limits.maxHeaderFieldSize() : Math.max(room, 0),
                fieldLimitFirst ? Violation.FIELD_TOO_LARGE : Violation.HEAD_TOO_LARGE)) {
                return Event.NEED_MORE;
            }
            int length = lines.length();
            headBytes += length + 2;
            if (length == 0) {
                lines.clear();
                return endOfHead();
            }
            if (head.fieldCount() >= limits.maxHeaderCount()) {
                throw new HttpViolationException(Violation.TOO_MANY_FIELDS);
            }
            byte[] line = lines.bytes();
            int colon = FieldLines.colon(line, length);
            head.add(FieldLines.name(line, colon), FieldLines.value(line, colon, length));
            lines.clear();
        }
    }

    private Event endOfHead() throws HttpViolationException {
        FramingRules.apply(head, limits);
        if (head.chunked) {
            chunks = new ChunkedDecoder(limits);
            state = State.CHUNKED_BODY;
        } else if (head.contentLength > 0) {
            bodyRemaining = head.contentLength;
            state = State.FIXED_BODY;
        } else {
            state = State.REQUEST_LINE;
        }
        return Event.HEAD;
    }

    private Event fixedBody(ByteBuffer in) {
        int available = in.remaining();
        if (available == 0) {
            return Event.NEED_MORE;
        }
        int n = (int) Math.min(available, bodyRemaining);
        bodyStart = in.position();
        bodyLength = n;
        in.position(bodyStart + n);
        bodyRemaining -= n;
        if (bodyRemaining == 0) {
            state = State.REQUEST_LINE;
        }
        return Event.BODY;
    }

    private Event chunkedBody(ByteBuffer in) throws HttpViolationException {
        int n = chunks.feed(in);
        if (n > 0) {
            bodyStart = chunks.dataStart();
            bodyLength = n;
            return Event.BODY;
        }
        if (chunks.done()) {
            state = State.REQUEST_LINE;
            return Event.END;
        }
        return Event.NEED_MORE;
    }

    /** @return the head of the current (or last) request */
    public RequestHead head() {
        return head;
    }

    /** Drops the last head once its message is complete, so an idle connection keeps nothing of it. */
    public void releaseHead() {
        if (messageComplete()) {
            head = null;
            chunks = null;
        }
    }

    /** @return where in the last buffer fed the body bytes of the last {@link Event#BODY} start */
    public int bodyStart() {
        return bodyStart;
    }

    /** @return how many body bytes the last {@link Event#BODY} holds */
    public int bodyLength() {
        return bodyLength;
    }

    /** @return whether no request is under way: the last one's body is complete */
    public boolean messageComplete() {
        return state == State.REQUEST_LINE;
    }

    /** @return whether bytes of a next request have been consumed (partial request line) */
    public boolean startedNextRequest() {
        return state != State.REQUEST_LINE || lines.length() > 0;
    }

    /** @return the trailer fields of the last chunked body, as {@code [name, value]} pairs */
    public List<String[]> trailers() {
        return chunks == null || head == null || !head.chunked ? List.of() : chunks.trailers();
    }
}
