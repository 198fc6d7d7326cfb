package io.gatehouse.appserver;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test application: answers with the pid of the worker that served the request. */
public final class HelloApplication implements Application {

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        byte[] body = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain"),
            Header.of("Content-Length", Integer.toString(body.length))), null);
        return Body.of(body);
    }
}
