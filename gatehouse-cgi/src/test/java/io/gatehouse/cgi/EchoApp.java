package io.gatehouse.cgi;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.util.List;

/** A test application: echoes the method, paths, query, one header and the body. */
public final class EchoApp implements Application {

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws IOException {
        String body = environ.requestMethod() + " " + environ.scriptName() + " " + environ.pathInfo() + " ?"
            + environ.queryString() + " x=" + environ.header("X-Test") + " scheme=" + environ.urlScheme()
            + " once=" + environ.runOnce() + " body=" + new String(environ.input().readAllBytes());
        startResponse.start("201 Created", List.of(Header.of("Content-Type", "text/plain; charset=utf-8"),
            Header.of("X-Echo", "yes")));
        return Body.of(body);
    }
}
