package io.gatehouse.cgi;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.FileWrapper;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a Gatehouse application as a CGI script: reads the request from the CGI environment and
 * stdin, calls the application once, and writes a CGI response (a {@code Status} line, the
 * headers, a blank line, the body) to stdout. The counterpart of Python's
 * {@code wsgiref.handlers.CGIHandler}.
 *
 * {@snippet :
 * public static void main(String[] args) throws IOException {
 *     CgiHandler.standard().run(new MyApp());
 * }
 * }
 *
 * <p>The environ is built from the RFC 3875 meta-variables ({@code HTTP_*} become headers as they
 * are), {@code gateway.url_scheme} is {@code https} when {@code HTTPS} is {@code on}, the input
 * ends after {@code CONTENT_LENGTH} bytes, errors go to stderr, and {@code gateway.run_once} is
 * true. If the application fails before its headers are out, the response is a 500; after that,
 * the output simply stops, as there is no way to take back what was written.
 */
public final class CgiHandler {

    private final Map<String, String> variables;
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream errors;

    /**
     * @param variables the CGI environment
     * @param in        the request body
     * @param out       where the CGI response goes
     * @param errors    the error stream
     */
    public CgiHandler(Map<String, String> variables, InputStream in, OutputStream out, PrintStream errors) {
        this.variables = Map.copyOf(variables);
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** @return a handler over this process's environment, stdin, stdout and stderr */
    public static CgiHandler standard() {
        return new CgiHandler(System.getenv(), System.in, System.out, System.err);
    }

    /**
     * Serves the one request.
     *
     * @param application the application
     * @throws IOException when stdout cannot be written
     */
    public void run(Application application) throws IOException {
        Environ environ = environ();
        Response response = new Response();
        Body body;
        try {
            body = application.call(environ, response);
        } catch (Exception e) {
            e.printStackTrace(errors);
            writeFailure();
            return;
        }
        try (body) {
            for (byte[] chunk : body) {
                if (chunk.length > 0) {
                    response.writeHead();
                    out.write(chunk);
                }
            }
            response.writeHead();
        } catch (RuntimeException e) {
            e.printStackTrace(errors);
            if (!response.headWritten) {
                writeFailure();
                return;
            }
        }
        out.flush();
    }

    private Environ environ() {
        Environ environ = new Environ();
        variables.forEach((key, value) -> {
            if (key.startsWith("HTTP_") || List.of("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
                    "CONTENT_TYPE", "CONTENT_LENGTH", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE",
                    "GATEWAY_INTERFACE", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "REMOTE_USER", "REMOTE_IDENT",
                    "AUTH_TYPE", "PATH_TRANSLATED", "REQUEST_URI").contains(key)) {
                environ.put(key, value);
            }
        });
        if (environ.getString(Environ.CONTENT_LENGTH) != null && environ.getString(Environ.CONTENT_LENGTH).isEmpty()) {
            environ.remove(Environ.CONTENT_LENGTH);
        }
        if (environ.getString(Environ.CONTENT_TYPE) != null && environ.getString(Environ.CONTENT_TYPE).isEmpty()) {
            environ.remove(Environ.CONTENT_TYPE);
        }
        for (String key : List.of(Environ.SCRIPT_NAME, Environ.PATH_INFO, Environ.QUERY_STRING)) {
            if (environ.get(key) == null) {
                environ.put(key, "");
            }
        }
        long length = environ.contentLength();
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION)
            .put(Environ.GATEWAY_URL_SCHEME, "on".equalsIgnoreCase(variables.get("HTTPS")) ? "https" : "http")
            .put(Environ.GATEWAY_INPUT, new BoundedInput(in, Math.max(length, 0)))
            .put(Environ.GATEWAY_ERRORS, errors)
            .put(Environ.GATEWAY_MULTITHREAD, Boolean.FALSE)
            .put(Environ.GATEWAY_MULTIPROCESS, Boolean.TRUE)
            .put(Environ.GATEWAY_RUN_ONCE, Boolean.TRUE)
            .put(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.DEFAULT);
        return environ;
    }

    private void writeFailure() throws IOException {
        out.write(("Status: 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Internal Server Error\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Keeps the application's status and headers until the first bytes of the body go out. */
    private final class Response implements StartResponse {
        private String status;
        private List<Header> headers;
        private boolean headWritten;

        @Override
        public void start(String newStatus, List<Header> newHeaders, Throwable excInfo) {
            if (status != null && excInfo == null) {
                throw new IllegalStateException("start_response called twice without excInfo");
            }
            if (excInfo != null && headWritten) {
                throw excInfo instanceof RuntimeException r ? r : new IllegalStateException(excInfo);
            }
            status = newStatus;
            headers = List.copyOf(newHeaders);
        }

        void writeHead() throws IOException {
            if (headWritten) {
                return;
            }
            if (status == null) {
                throw new IllegalStateException("the application produced a body before calling start_response");
            }
            StringBuilder head = new StringBuilder("Status: ").append(status).append("\r\n");
            for (Header header : headers) {
                head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            headWritten = true;
        }
    }
}
