package io.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the chunked transfer coding (RFC 9112, section 7.1) from buffers that may end at any
 * byte, without copying data: each call reports where in the caller's buffer the next data bytes
 * are. Used for request bodies by {@link RequestParser} and, by the reverse proxy, for responses.
 *
 * {@snippet :
 * ChunkedDecoder decoder = new ChunkedDecoder(Limits.DEFAULTS);
 * int n = decoder.feed(buffer);                // throws HttpViolationException
 * if (n > 0) consume(buffer, decoder.dataStart(), n);
 * if (decoder.done()) useTrailers(decoder.trailers());
 * }
 *
 * <p>States, named after what is read next: {@code SIZE_LINE} (hex size, optional extensions,
 * CRLF) then {@code DATA}, {@code DATA_CR}, {@code DATA_LF}, back to {@code SIZE_LINE}; after the
 * zero-size chunk, {@code TRAILER_LINE} until the empty line, then {@code DONE}.
 */
public final class ChunkedDecoder {

    /** Longest chunk-size line with extensions; extensions are read and ignored. */
    private static final int MAX_SIZE_LINE = 4096;

    enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILER_LINE, DONE }

    private final Limits limits;
    private final LineReader lines = new LineReader(32);
    private State state = State.SIZE_LINE;
    private long chunkRemaining;
    private long total;
    private int dataStart;
    private int trailerBytes;
    private List<String[]> trailers = List.of();

    /** @param limits body size and trailer limits */
    public ChunkedDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads framing until data bytes are available, the input runs out, or the body ends.
     *
     * @param in bytes; its position advances past what was consumed, data bytes included
     * @return how many data bytes start at {@link #dataStart()}; 0 when none
     * @throws HttpViolationException on bad framing or a body over the size limit
     */
    public int feed(ByteBuffer in) throws HttpViolationException {
        while (in.hasRemaining()) {
            switch (state) {
                case SIZE_LINE -> sizeLine(in);
                case DATA -> {
                    return data(in);
                }
                case DATA_CR -> expect(in, '\r', State.DATA_LF);
                case DATA_LF -> expect(in, '\n', State.SIZE_LINE);
                case TRAILER_LINE -> trailerLine(in);
                case DONE -> {
                    return 0;
                }
            }
        }
        return 0;
    }

    private void sizeLine(ByteBuffer in) throws HttpViolationException {
        if (!lines.read(in, MAX_SIZE_LINE, Violation.INVALID_CHUNK_SIZE)) {
            return;
        }
        long size = chunkSize(lines.bytes(), lines.length());
        lines.clear();
        total += size;
        if (total > limits.maxBodySize()) {
            throw new HttpViolationException(Violation.BODY_TOO_LARGE);
        }
        chunkRemaining = size;
        state = size == 0 ? State.TRAILER_LINE : State.DATA;
    }

    /** {@code chunk-size [ chunk-ext ]}: 1*HEXDIG, then nothing or BWS ";" (RFC 9112, 7.1.1). */
    static long chunkSize(byte[] line, int length) throws HttpViolationException {
        long size = 0;
        int i = 0;
        while (i < length && Tokens.is(line[i], Tokens.HEX)) {
            if (size >>> 59 != 0) {
                throw new HttpViolationException(Violation.CHUNK_SIZE_OVERFLOW);
            }
            size = size << 4 | Tokens.hexValue(line[i]);
            i++;
        }
        if (i == 0) {
            throw new HttpViolationException(Violation.INVALID_CHUNK_SIZE);
        }
        while (i < length && Tokens.is(line[i], Tokens.WHITESPACE)) {
            i++;
        }
        if (i < length && line[i] != ';') {
            throw new HttpViolationException(Violation.INVALID_CHUNK_SIZE);
        }
        return size;
    }

    private int data(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), chunkRemaining);
        dataStart = in.position();
        in.position(dataStart + n);
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            state = State.DATA_CR;
        }
        return n;
    }

    private void expect(ByteBuffer in, char wanted, State next) throws HttpViolationException {
        if (in.get() != wanted) {
            throw new HttpViolationException(Violation.MISSING_CHUNK_CRLF);   // RFC 9112, section 7.1
        }
        state = next;
    }

    private void trailerLine(ByteBuffer in) throws HttpViolationException {
        if (!lines.read(in, limits.maxHeaderFieldSize(), Violation.FIELD_TOO_LARGE)) {
            return;
        }
        int length = lines.length();
        trailerBytes += length + 2;
        if (trailerBytes > limits.maxHeaderBytes()) {
            throw new HttpViolationException(Violation.HEAD_TOO_LARGE);
        }
        if (length == 0) {
            state = State.DONE;
        } else {
            if (trailers.size() >= limits.maxHeaderCount()) {
                throw new HttpViolationException(Violation.TOO_MANY_FIELDS);
            }
            byte[] line = lines.bytes();
            int colon = FieldLines.colon(line, length);
            if (trailers.isEmpty()) {
                trailers = new ArrayList<>(4);
            }
            trailers.add(new String[] {FieldLines.name(line, colon), FieldLines.value(line, colon, length)});
        }
        lines.clear();
    }

    /** @return where the data bytes reported by the last {@link #feed} start in its buffer */
    public int dataStart() {
        return dataStart;
    }

    /** @return whether the last chunk and the trailer section have been read */
    public boolean done() {
        return state == State.DONE;
    }

    /** @return the trailer fields as {@code [name, value]} pairs, in arrival order */
    public List<String[]> trailers() {
        return trailers;
    }
}
