package io.gatehouse.bench.jmh;

import examples.hello.HelloApp;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.StartResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The gateway side of one plaintext request: the environ a server builds for {@code GET /} with
 * wrk's one header field ({@code Host}), and the seed's {@link HelloApp} called on it.
 *
 * <p>The environ is filled the way the spec describes (CGI keys, {@code HTTP_*} fields,
 * {@code gateway.*} keys), with the spec's {@link Environ}; the server's own builder replaces this
 * once it is public.
 *
 * {@snippet :
 * // java -jar bench/jmh/target/benchmarks.jar EnvironBenchmark -prof gc
 * }
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnvironBenchmark {

    private final HelloApp app = new HelloApp();
    private final StartResponse startResponse = (status, headers, excInfo) -> { };

    /** @return the environ of {@code GET / HTTP/1.1} with {@code Host} */
    @Benchmark
    public Environ environConstruction() {
        return plaintextEnviron();
    }

    /**
     * Environ plus the seed's application: the work per plaintext request above the codec.
     *
     * @param sink keeps the response alive
     * @throws Exception never, HelloApp does not fail
     */
    @Benchmark
    public void plaintextGatewayCall(Blackhole sink) throws Exception {
        Environ environ = plaintextEnviron();
        try (Body body = app.call(environ, startResponse)) {
            for (byte[] chunk : body) {
                sink.consume(chunk);
            }
        }
    }

    private static Environ plaintextEnviron() {
        Environ environ = new Environ();
        environ.put(Environ.REQUEST_METHOD, "GET");
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, "/");
        environ.put(Environ.QUERY_STRING, "");
        environ.put(Environ.REQUEST_URI, "/");
        environ.put(Environ.SERVER_NAME, "127.0.0.1");
        environ.put(Environ.SERVER_PORT, "19000");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.REMOTE_ADDR, "127.0.0.1");
        environ.put(Environ.REMOTE_PORT, "40000");
        environ.put(Environ.headerKey("Host"), "127.0.0.1:19000");
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION);
        environ.put(Environ.GATEWAY_URL_SCHEME, "http");
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        return environ;
    }
}
