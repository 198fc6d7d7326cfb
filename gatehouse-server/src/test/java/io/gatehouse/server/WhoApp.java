package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;

import java.util.List;

/** Answers with the addresses the server gave it: one {@code KEY=value} line each. */
final class WhoApp {

    private WhoApp() {
    }

    static final Application APP = (environ, start) -> {
        String text = "REMOTE_ADDR=" + environ.get(Environ.REMOTE_ADDR) + "\n"
            + "REMOTE_PORT=" + environ.get(Environ.REMOTE_PORT) + "\n"
            + "SERVER=" + environ.serverName() + ":" + environ.serverPort() + "\n"
            + "SCHEME=" + environ.get(Environ.GATEWAY_URL_SCHEME) + "\n";
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain"),
            Header.of("Content-Length", Integer.toString(text.length()))));
        return Body.of(text);
    };
}
