package examples.hello;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The seed's hello-world gateway application, line for line:
 *
 * <pre>{@code
 * def app(environ, start_response):
 *     data = b"Hello, World!\n"
 *     start_response("200 OK", [
 *         ("Content-Type", "text/plain"),
 *         ("Content-Length", str(len(data)))
 *     ])
 *     return iter([data])
 * }</pre>
 *
 * Run it with {@code ./gatehouse serve examples.hello.HelloApp}.
 */
public final class HelloApp implements Application {

    @Override
    public Body call(Environ environ, StartResponse startResponse) {
        byte[] data = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
        startResponse.start("200 OK", List.of(
            Header.of("Content-Type", "text/plain"),
            Header.of("Content-Length", String.valueOf(data.length))
        ));
        return Body.of(data);
    }
}
