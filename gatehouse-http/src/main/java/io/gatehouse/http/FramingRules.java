package io.gatehouse.http;

/**
 * What the fields of a complete head mean for framing and persistence, and the checks that keep
 * two parsers from reading one byte stream differently (request smuggling): RFC 9112 sections
 * 3.2, 6.1, 6.3 and 9.3, RFC 9110 sections 8.6 and 10.1.1.
 */
final class FramingRules {

    private static final long MAX_CONTENT_LENGTH = 999_999_999_999_999_999L;

    private FramingRules() {
    }

    static void apply(RequestHead head, Limits limits) throws HttpViolationException {
        long contentLength = -1;
        boolean transferEncoding = false;
        boolean close = false;
        boolean keepAliveAsked = false;
        for (int i = 0; i < head.fieldCount(); i++) {
            String name = head.name(i);
            String value = head.value(i);
            switch (name.length()) {
                case 4 -> {
                    if (name.equalsIgnoreCase("Host")) {
                        host(head, value);
                    }
                }
                case 6 -> {
                    if (name.equalsIgnoreCase("Expect")) {
                        expect(head, value);
                    }
                }
                case 10 -> {
                    if (name.equalsIgnoreCase("Connection")) {
                        close |= hasToken(value, "close");
                        keepAliveAsked |= hasToken(value, "keep-alive");
                    }
                }
                case 14 -> {
                    if (name.equalsIgnoreCase("Content-Length")) {
                        contentLength = contentLength(value, contentLength);
                    }
                }
                case 17 -> {
                    if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        transferEncoding = true;
                        transferCodings(head, value);
                    }
                }
                default -> { }
            }
        }
        boolean http11 = head.minorVersion() == 1;
        if (http11 && head.hostCount == 0) {
            throw new HttpViolationException(Violation.MISSING_HOST);   // RFC 9112, section 3.2
        }
        if (transferEncoding) {
            if (!http11) {
                throw new HttpViolationException(Violation.TRANSFER_ENCODING_IN_HTTP_1_0);   // RFC 9112, 6.1
            }
            if (contentLength >= 0) {
                // RFC 9112, section 6.3 (3): a server may reject; we do, as this is how smuggling starts.
                throw new HttpViolationException(Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING);
            }
            head.contentLength = -1;
        } else {
            if (contentLength > limits.maxBodySize()) {
                throw new HttpViolationException(Violation.BODY_TOO_LARGE);
            }
            head.contentLength = Math.max(0, contentLength);
        }
        // RFC 9112, section 9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
        head.keepAlive = !close && (http11 || keepAliveAsked);
        if (!http11) {
            head.expectContinue = false;   // RFC 9110, section 10.1.1: ignored in HTTP/1.0
        }
    }

    private static void host(RequestHead head, String value) throws HttpViolationException {
        if (++head.hostCount > 1) {
            throw new HttpViolationException(Violation.MULTIPLE_HOST);   // RFC 9112, section 3.2
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
            if (!allowed) {
                throw new HttpViolationException(Violation.INVALID_HOST);   // RFC 3986, section 3.2.2
            }
        }
        head.host = value;
    }

    private static void expect(RequestHead head, String value) throws HttpViolationException {
        if (!value.equalsIgnoreCase("100-continue")) {
            throw new HttpViolationException(Violation.UNSUPPORTED_EXPECTATION);   // RFC 9110, 10.1.1
        }
        head.expectContinue = true;
    }

    /** RFC 9110, section 8.6: a list of identical values is one value; differing ones are an error. */
    private static long contentLength(String value, long previous) throws HttpViolationException {
        long result = previous;
        int i = 0;
        int n = value.length();
        while (i <= n) {
            int end = value.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            int start = i;
            int stop = end;
            while (start < stop && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
                start++;
            }
            while (stop > start && (value.charAt(stop - 1) == ' ' || value.charAt(stop - 1) == '\t')) {
                stop--;
            }
            long parsed = digits(value, start, stop);
            if (result >= 0 && parsed != result) {
                throw new HttpViolationException(Violation.DIFFERING_CONTENT_LENGTHS);
            }
            result = parsed;
            i = end + 1;
        }
        return result;
    }

    private static long digits(String value, int start, int end) throws HttpViolationException {
        if (start == end || end - start > 18) {
            throw new HttpViolationException(Violation.INVALID_CONTENT_LENGTH);
        }
        long result = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpViolationException(Violation.INVALID_CONTENT_LENGTH);
            }
            result = result * 10 + (c - '0');
        }
        if (result > MAX_CONTENT_LENGTH) {
            throw new HttpViolationException(Violation.INVALID_CONTENT_LENGTH);
        }
        return result;
    }

    /** RFC 9112, section 6.1: only chunked is implemented, and it must be last and once. */
    private static void transferCodings(RequestHead head, String value) throws HttpViolationException {
        int i = 0;
        int n = value.length();
        boolean any = false;
        while (i <= n) {
            int end = value.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            String coding = value.substring(i, end).strip();
            i = end + 1;
            if (coding.isEmpty()) {
                continue;
            }
            any = true;
            if (!coding.equalsIgnoreCase("chunked")) {
                throw new HttpViolationException(Violation.UNKNOWN_TRANSFER_CODING);
            }
            if (head.chunked) {
                throw new HttpViolationException(Violation.INVALID_TRANSFER_ENCODING);   // chunked twice
            }
            head.chunked = true;
        }
        if (!any) {
            throw new HttpViolationException(Violation.INVALID_TRANSFER_ENCODING);
        }
    }

    /** Whether a comma-separated list holds a token, case-insensitively (RFC 9110, section 7.6.1). */
    static boolean hasToken(String list, String token) {
        int n = list.length();
        int i = 0;
        while (i < n) {
            while (i < n && (list.charAt(i) == ' ' || list.charAt(i) == '\t' || list.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && list.charAt(i) != ',' && list.charAt(i) != ' ' && list.charAt(i) != '\t') {
                i++;
            }
            if (i - start == token.length() && list.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
        }
        return false;
    }
}
