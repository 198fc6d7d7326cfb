package io.gatehouse.testing;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.EarlyHints;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's half of one in-process request: the start_response callback and the body loop,
 * following the spec's rules for when the status and headers count as sent.
 *
 * <ol>
 *   <li>Call the application; it calls start_response (maybe more than once, with excInfo).</li>
 *   <li>Iterate the body; at the first non-empty chunk (or at the end) the headers are "sent":
 *       start_response must have been called, and from then on a call with excInfo re-throws.</li>
 *   <li>Close the body, whatever happened.</li>
 * </ol>
 */
final class Exchange implements StartResponse {

    private final Environ environ;
    private final ByteArrayOutputStream errors;
    private final boolean head;
    private final List<List<Header>> earlyHints = new ArrayList<>();
    private String status;
    private List<Header> headers;
    private boolean headersSent;

    Exchange(Environ environ, ByteArrayOutputStream errors, boolean head) {
        this.environ = environ;
        this.errors = errors;
        this.head = head;
        environ.put(Environ.GATEWAY_EARLY_HINTS, (EarlyHints) this::earlyHints);
    }

    TestResponse run(Application application) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Body body;
        try {
            body = application.call(environ, this);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new ApplicationFailure(e);
        }
        if (body == null) {
            throw new IllegalStateException("the application returned a null body (spec: \"The response body\")");
        }
        try (body) {
            for (byte[] chunk : body) {
                if (chunk.length > 0) {
                    sendHeaders();
                    content.writeBytes(chunk);
                }
            }
            sendHeaders();
        } catch (IOException e) {
            throw new ApplicationFailure(e);
        }
        environ.errors().flush();
        byte[] bytes = head ? new byte[0] : content.toByteArray();
        return new TestResponse(status, headers, bytes, List.copyOf(earlyHints), errors.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void start(String status, List<Header> headers, Throwable excInfo) {
        if (excInfo != null) {
            if (headersSent) {
                rethrow(excInfo); // too late to change the response: the server aborts it
            }
        } else if (this.status != null) {
            throw new IllegalStateException("start_response called twice without excInfo");
        }
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    private void sendHeaders() {
        if (headersSent) {
            return;
        }
        if (status == null) {
            throw new IllegalStateException("the body produced output before start_response was called");
        }
        headersSent = true;
    }

    private void earlyHints(List<Header> fields) {
        if (!headersSent) {
            earlyHints.add(List.copyOf(fields));
        }
    }

    private static void rethrow(Throwable excInfo) {
        if (excInfo instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (excInfo instanceof Error error) {
            throw error;
        }
        throw excInfo instanceof Exception checked
            ? new ApplicationFailure(checked)
            : new IllegalStateException("start_response got an excInfo that is neither Exception nor Error", excInfo);
    }
}
