package io.gatehouse.spec;

import java.util.List;

/**
 * The start_response the Validator hands the application: checks each call, tracks what the spec
 * needs to judge the body (status code, declared length, whether headers have gone out), then
 * passes the call on to the server's start_response.
 */
final class ValidatedResponse implements StartResponse {

    private final StartResponse server;
    private final boolean head;
    private int code = -1;
    private long declaredLength = -1;
    private boolean headersSent;

    ValidatedResponse(StartResponse server, boolean head) {
        this.server = server;
        this.head = head;
    }

    @Override
    public void start(String status, List<Header> headers, Throwable excInfo) {
        if (code >= 0 && excInfo == null) {
            throw GatewayViolation.byApplication(
                "start_response called a second time without excInfo; only an error may replace the headers");
        }
        int newCode = ResponseRules.status(status);
        ResponseRules.headers(headers, "start_response");
        long newLength = ResponseRules.contentLength(headers, newCode);
        server.start(status, headers, excInfo);
        if (excInfo != null && headersSent) {
            throw GatewayViolation.byServer("start_response with excInfo returned normally after the headers were sent;"
                + " it must re-throw excInfo so the response is aborted");
        }
        code = newCode;
        declaredLength = newLength;
    }

    /** Called for every non-empty chunk before the server sees it: the headers go out now. */
    void chunkProduced(long totalSoFar) {
        if (code < 0) {
            throw GatewayViolation.byApplication("the body produced a non-empty chunk before start_response was called");
        }
        headersSent = true;
        if (ResponseRules.mustBeEmpty(code)) {
            throw GatewayViolation.byApplication("a " + code + " response has no content, but the body produced bytes");
        }
        if (!head && declaredLength >= 0 && totalSoFar > declaredLength) {
            throw GatewayViolation.byApplication("the body produced more than the " + declaredLength
                + " bytes its Content-Length declared");
        }
    }

    /** Called when the body says it has no more chunks. */
    void bodyEnded(long total) {
        if (code < 0) {
            throw GatewayViolation.byApplication("the body ended without start_response having been called");
        }
        headersSent = true;
        if (!head && declaredLength >= 0 && total != declaredLength && !ResponseRules.mustBeEmpty(code)) {
            throw GatewayViolation.byApplication("the body produced " + total + " bytes but its Content-Length declared "
                + declaredLength);
        }
    }
}
