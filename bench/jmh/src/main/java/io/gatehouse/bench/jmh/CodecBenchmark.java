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

    /** What curl and wrk send: request line, Host, and (curl) User-Agent and Accept. */
    static final byte[] CURL_HEAD = ascii("""
        GET /index.html HTTP/1.1\r
        Host: 127.0.0.1:8000\r
        User-Agent: curl/8.5.0\r
        Accept: */*\r
        \r
        """);

    /** A browser's navigation request: 12 field lines, cookies, a query string. */
    static final byte[] BROWSER_HEAD = ascii("""
        GET /products/list?page=2&sort=price HTTP/1.1\r
        Host: shop.example.com\r
        Connection: keep-alive\r
        Cache-Control: max-age=0\r
        Upgrade-Insecure-Requests: 1\r
        User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r
        Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r
        Sec-Fetch-Site: same-origin\r
        Sec-Fetch-Mode: navigate\r
        Sec-Fetch-Dest: document\r
        Referer: https://shop.example.com/products/list?page=1&sort=price\r
        Accept-Encoding: gzip, deflate, br, zstd\r
        Accept-Language: en-GB,en;q=0.9,de;q=0.8\r
        Cookie: session=4f2a9c1e8b7d6a5f; theme=dark; consent=1\r
        \r
        """);

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
