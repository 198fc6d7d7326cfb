package io.gatehouse.bench.jmh;

import io.gatehouse.http.ChunkedDecoder;
import io.gatehouse.http.ChunkedEncoder;
import io.gatehouse.http.HttpDate;
import io.gatehouse.http.HttpViolationException;
import io.gatehouse.http.Limits;
import io.gatehouse.http.RequestHead;
import io.gatehouse.http.RequestParser;
import io.gatehouse.http.ResponseHeadWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The codec of gatehouse-http on the inputs a server sees most: request heads as curl/wrk and a
 * browser send them, the hello response head, and a 64 KiB body in 4 KiB chunks framed and
 * unframed with the chunked coding. A parser lives as long as its connection, so it is reused
 * across operations, as the server does.
 *
 * {@snippet :
 * // java -jar bench/jmh/target/benchmarks.jar CodecBenchmark -prof gc
 * }
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {

    static final byte[] CURL_HEAD = ascii(SampleRequests.CURL);
    static final byte[] BROWSER_HEAD = ascii(SampleRequests.BROWSER);

    private static final int BODY_SIZE = 64 * 1024;
    private static final int CHUNK_SIZE = 4 * 1024;

    private final RequestParser parser = new RequestParser(Limits.DEFAULTS);
    private final ByteBuffer curl = ByteBuffer.wrap(CURL_HEAD);
    private final ByteBuffer browser = ByteBuffer.wrap(BROWSER_HEAD);
    private final ResponseHeadWriter writer = new ResponseHeadWriter();
    private final byte[] serverLine = ascii("Server: Gatehouse\r\n");
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private final byte[] encoded = new byte[BODY_SIZE + (BODY_SIZE / CHUNK_SIZE) * 32 + 16];
    private final int chunkedLength = encodeInto(encoded, chunk);
    private final ByteBuffer chunkedBody = ByteBuffer.wrap(encoded);

    /** @return the parsed head of curl's request @throws HttpViolationException never */
    @Benchmark
    public RequestHead parseCurlHead() throws HttpViolationException {
        return parse(curl.clear());
    }

    /** @return the parsed head of a browser's request @throws HttpViolationException never */
    @Benchmark
    public RequestHead parseBrowserHead() throws HttpViolationException {
        return parse(browser.clear());
    }

    /** @return the length of the hello response head, as the server writes it */
    @Benchmark
    public int writeResponseHead() {
        writer.statusLine(1, "200 OK").line(HttpDate.fieldLine()).line(serverLine)
            .field("Content-Type", "text/plain")
            .field("Content-Length", 14L)
            .end();
        return writer.length();
    }

    /** @return the size of 64 KiB framed as 16 chunks of 4 KiB and the last chunk */
    @Benchmark
    public int chunkedEncode64k() {
        return encodeInto(encoded, chunk);
    }

    /** @return the body bytes found in 64 KiB of chunked framing @throws HttpViolationException never */
    @Benchmark
    public long chunkedDecode64k() throws HttpViolationException {
        ChunkedDecoder decoder = new ChunkedDecoder(Limits.DEFAULTS);
        ByteBuffer in = chunkedBody.clear().limit(chunkedLength);
        long total = 0;
        while (!decoder.done()) {
            total += decoder.feed(in);
        }
        return total;
    }

    private RequestHead parse(ByteBuffer in) throws HttpViolationException {
        if (parser.feed(in) != RequestParser.Event.HEAD) {
            throw new IllegalStateException("head not complete");
        }
        return parser.head();
    }

    private static int encodeInto(byte[] out, byte[] chunk) {
        int pos = 0;
        for (int sent = 0; sent < BODY_SIZE; sent += chunk.length) {
            pos += ChunkedEncoder.writeSizeLine(out, pos, chunk.length);
            System.arraycopy(chunk, 0, out, pos, chunk.length);
            pos += chunk.length;
            System.arraycopy(ChunkedEncoder.CRLF, 0, out, pos, 2);
            pos += 2;
        }
        System.arraycopy(ChunkedEncoder.LAST_CHUNK, 0, out, pos, ChunkedEncoder.LAST_CHUNK.length);
        return pos + ChunkedEncoder.LAST_CHUNK.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
