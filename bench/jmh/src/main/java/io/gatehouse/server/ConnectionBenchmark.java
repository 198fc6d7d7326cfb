package io.gatehouse.server;

import examples.hello.HelloApp;
import io.gatehouse.bench.jmh.SampleRequests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The whole server path of a request, in memory: bytes read, head parsed, environ built, the
 * seed's {@link HelloApp} called, response head and body written, all through the real
 * {@link Connection} over an {@link InMemoryChannel}. One operation is one request; a connection
 * serves {@value #REQUESTS} of them, so its own setup is a rounding error. The gc profiler's
 * {@code gc.alloc.rate.norm} is then issue 3's "bytes allocated per plaintext request".
 *
 * <p>{@code depth} is how many requests each read delivers: 1 is wrk's plaintext keep-alive
 * (the connection goes idle between requests, as it does on a real socket), 16 is the pipelined
 * scenario. {@code head} is wrk's request ({@code Host} only) or a browser's (12 fields).
 *
 * <p>This class lives in the server's package (on the class path, in the benchmark jar) to reach
 * the package-private {@link Connection}; nothing of it ships.
 *
 * {@snippet :
 * // java -jar bench/jmh/target/benchmarks.jar ConnectionBenchmark -prof gc
 * }
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConnectionBenchmark {

    static final int REQUESTS = 1024;

    /** Requests per read: 1 (keep-alive, one at a time) or 16 (pipelined). */
    @Param({"1", "16"})
    public int depth;

    /** {@code wrk} or {@code browser}. */
    @Param({"wrk", "browser"})
    public String head;

    private Server server;
    private byte[] batch;

    /** Builds the batch and checks once that every request gets the hello response. */
    @Setup
    public void setUp() throws IOException {
        server = new Server(ServerConfig.defaults(), new HelloApp());
        String request = head.equals("wrk") ? SampleRequests.WRK : SampleRequests.BROWSER;
        batch = request.repeat(depth).getBytes(StandardCharsets.US_ASCII);
        InMemoryChannel channel = new InMemoryChannel(batch, REQUESTS / depth).recording(REQUESTS * 512);
        new Connection(server, channel).run();
        String out = StandardCharsets.US_ASCII.decode(channel.written()).toString();
        int answers = out.split("HTTP/1.1 200 OK\r\n", -1).length - 1;
        int bodies = out.split("\r\n\r\nHello, World!\n", -1).length - 1;
        if (answers != REQUESTS || bodies != REQUESTS) {
            throw new IllegalStateException("expected " + REQUESTS + " hello responses, got " + answers
                + " heads and " + bodies + " bodies:\n" + out.substring(0, Math.min(out.length(), 600)));
        }
    }

    /** @return bytes written for {@value #REQUESTS} requests @throws IOException never */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long request() throws IOException {
        InMemoryChannel channel = new InMemoryChannel(batch, REQUESTS / depth);
        new Connection(server, channel).run();
        return channel.bytesWritten();
    }
}
