package io.gatehouse.spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal, well-behaved server for the spec's own tests (the TestClient lives in a module that
 * depends on this one): a valid environ, then iterate, collect and close like a server does.
 * Tests break it on purpose to see the Validator catch a bad server.
 */
class MiniServer implements StartResponse {

    final Environ environ;
    String status;
    List<Header> headers;
    boolean headersSent;

    MiniServer() {
        this(new byte[0]);
    }

    MiniServer(byte[] body) {
        environ = validEnviron(body);
    }

    static Environ validEnviron(byte[] body) {
        Environ environ = new Environ()
            .put(Environ.REQUEST_METHOD, "GET")
            .put(Environ.SCRIPT_NAME, "")
            .put(Environ.PATH_INFO, "/")
            .put(Environ.QUERY_STRING, "")
            .put(Environ.SERVER_NAME, "localhost")
            .put(Environ.SERVER_PORT, "80")
            .put(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .put(Environ.GATEWAY_VERSION, "1.0")
            .put(Environ.GATEWAY_URL_SCHEME, "http")
            .put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(body))
            .put(Environ.GATEWAY_ERRORS, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .put(Environ.GATEWAY_MULTITHREAD, Boolean.FALSE)
            .put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE)
            .put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        if (body.length > 0) {
            environ.put(Environ.CONTENT_LENGTH, String.valueOf(body.length));
        }
        return environ;
    }

    /** Runs the application under a fresh Validator the way a server does; returns the body bytes. */
    byte[] run(Application application) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Body body = Validator.wrap(application).call(environ, this)) {
            for (byte[] chunk : body) {
                if (chunk.length > 0) {
                    headersSent = true;
                    out.writeBytes(chunk);
                }
            }
        }
        return out.toByteArray();
    }

    @Override
    public void start(String status, List<Header> headers, Throwable excInfo) {
        if (excInfo != null && headersSent) {
            if (excInfo instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(excInfo);
        }
        this.status = status;
        this.headers = headers;
    }
}
