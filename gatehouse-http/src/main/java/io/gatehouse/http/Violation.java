package io.gatehouse.http;

/**
 * Every way a request can break HTTP/1.1 that the codec detects, each with the RFC section it
 * breaks and the status the server answers with. The connection is always closed after one.
 *
 * {@snippet :
 * throw new HttpViolationException(Violation.OBS_FOLD);   // answered 400, then close
 * }
 */
public enum Violation {
    /** The request line is longer than {@link Limits#maxRequestLine()}. */
    REQUEST_LINE_TOO_LONG(414, "RFC 9112 section 3"),
    /** The whole head is larger than {@link Limits#maxHeaderBytes()}. */
    HEAD_TOO_LARGE(431, "RFC 6585 section 5"),
    /** One field line is longer than {@link Limits#maxHeaderFieldSize()}. */
    FIELD_TOO_LARGE(431, "RFC 6585 section 5"),
    /** More fields than {@link Limits#maxHeaderCount()}. */
    TOO_MANY_FIELDS(431, "RFC 6585 section 5"),
    /** The body is larger than {@link Limits#maxBodySize()}. */
    BODY_TOO_LARGE(413, "RFC 9110 section 15.5.14"),
    /** The request line is not method SP target SP version. */
    MALFORMED_REQUEST_LINE(400, "RFC 9112 section 3"),
    /** The request target is not origin-, absolute- or asterisk-form, or holds bytes it may not. */
    INVALID_TARGET(400, "RFC 9112 section 3.2"),
    /** The version is not {@code HTTP/DIGIT.DIGIT}. */
    MALFORMED_VERSION(400, "RFC 9112 section 2.3"),
    /** A well-formed version other than HTTP/1.0 and HTTP/1.1. */
    UNSUPPORTED_VERSION(505, "RFC 9110 section 15.6.6"),
    /** A CR not followed by LF. */
    BARE_CR(400, "RFC 9112 section 2.2"),
    /** An LF without CR before it: accepted by lenient parsers, a smuggling vector between them. */
    BARE_LF(400, "RFC 9112 section 2.2"),
    /** NUL or another control byte where none may be. */
    CONTROL_CHARACTER(400, "RFC 9110 section 5.5"),
    /** A field line starting with whitespace (line folding). */
    OBS_FOLD(400, "RFC 9112 section 5.2"),
    /** Whitespace between a field name and its colon. */
    WHITESPACE_BEFORE_COLON(400, "RFC 9112 section 5.1"),
    /** A field name that is empty or not a token, or a line without a colon. */
    INVALID_FIELD_NAME(400, "RFC 9110 section 5.1"),
    /** An HTTP/1.1 request without Host. */
    MISSING_HOST(400, "RFC 9112 section 3.2"),
    /** More than one Host field. */
    MULTIPLE_HOST(400, "RFC 9112 section 3.2"),
    /** A Host value that is no uri-host with optional port. */
    INVALID_HOST(400, "RFC 9112 section 3.2"),
    /** Content-Length and Transfer-Encoding together: the classic smuggling vector. */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(400, "RFC 9112 section 6.3"),
    /** A Content-Length that is not decimal digits, or too large to count. */
    INVALID_CONTENT_LENGTH(400, "RFC 9110 section 8.6"),
    /** Several Content-Length values that differ. */
    DIFFERING_CONTENT_LENGTHS(400, "RFC 9110 section 8.6"),
    /** A transfer coding other than chunked: not implemented. */
    UNKNOWN_TRANSFER_CODING(501, "RFC 9112 section 6.1"),
    /** A Transfer-Encoding whose final coding is not chunked, or chunked twice, or empty. */
    INVALID_TRANSFER_ENCODING(400, "RFC 9112 section 6.3"),
    /** Transfer-Encoding in an HTTP/1.0 request, which cannot frame by it. */
    TRANSFER_ENCODING_IN_HTTP_1_0(400, "RFC 9112 section 6.1"),
    /** A chunk size that is not hex digits, optionally followed by an extension. */
    INVALID_CHUNK_SIZE(400, "RFC 9112 section 7.1"),
    /** A chunk size too large to count. */
    CHUNK_SIZE_OVERFLOW(400, "RFC 9112 section 7.1"),
    /** Chunk data not followed by CRLF. */
    MISSING_CHUNK_CRLF(400, "RFC 9112 section 7.1"),
    /** An Expect value other than 100-continue. */
    UNSUPPORTED_EXPECTATION(417, "RFC 9110 section 10.1.1"),
    /** A path whose percent escapes are malformed or whose bytes are not UTF-8. */
    INVALID_PATH_ENCODING(400, "docs/spec.md section 4.3, RFC 3986 section 2.1"),
    /** The head did not arrive within the server's head timeout. */
    HEAD_TIMEOUT(408, "RFC 9110 section 15.5.9"),
    /** A read of the body waited longer than the server's body timeout. */
    BODY_TIMEOUT(408, "RFC 9110 section 15.5.9");

    private final int status;
    private final String rfc;

    Violation(int status, String rfc) {
        this.status = status;
        this.rfc = rfc;
    }

    /** @return the status to answer with */
    public int status() {
        return status;
    }

    /** @return the RFC section the request broke */
    public String rfc() {
        return rfc;
    }

    /** @return the status line text, such as {@code "400 Bad Request"} */
    public String statusText() {
        return switch (status) {
            case 400 -> "400 Bad Request";
            case 408 -> "408 Request Timeout";
            case 413 -> "413 Content Too Large";
            case 414 -> "414 URI Too Long";
            case 417 -> "417 Expectation Failed";
            case 431 -> "431 Request Header Fields Too Large";
            case 501 -> "501 Not Implemented";
            case 505 -> "505 HTTP Version Not Supported";
            default -> status + " Error";
        };
    }
}
