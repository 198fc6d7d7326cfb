package io.gatehouse.http;

import java.nio.charset.StandardCharsets;

/** Parses the request line: method SP target SP version (RFC 9112, section 3). */
final class RequestLine {

    private RequestLine() {
    }

    static RequestHead parse(byte[] line, int length) throws HttpViolationException {
        int i = 0;
        while (i < length && Tokens.is(line[i], Tokens.TOKEN)) {
            i++;
        }
        if (i == 0 || i == length || line[i] != ' ') {
            throw new HttpViolationException(Violation.MALFORMED_REQUEST_LINE);
        }
        int methodEnd = i++;
        int targetStart = i;
        while (i < length && Tokens.is(line[i], Tokens.TARGET)) {
            i++;
        }
        if (i == targetStart || i == length || line[i] != ' ') {
            throw new HttpViolationException(i < length && line[i] != ' '
                ? Violation.INVALID_TARGET : Violation.MALFORMED_REQUEST_LINE);
        }
        int targetEnd = i++;
        int minor = version(line, i, length);
        String method = method(line, methodEnd);
        String target = targetEnd - targetStart == 1 && line[targetStart] == '/'
            ? "/" : new String(line, targetStart, targetEnd - targetStart, StandardCharsets.ISO_8859_1);
        checkTargetForm(method, target);
        return new RequestHead(method, target, minor);
    }

    private static String method(byte[] line, int end) {
        if (end == 3 && line[0] == 'G' && line[1] == 'E' && line[2] == 'T') {
            return "GET";
        }
        if (end == 4 && line[0] == 'P' && line[1] == 'O' && line[2] == 'S' && line[3] == 'T') {
            return "POST";
        }
        if (end == 4 && line[0] == 'H' && line[1] == 'E' && line[2] == 'A' && line[3] == 'D') {
            return "HEAD";
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** RFC 9112, section 2.3: {@code HTTP/DIGIT.DIGIT}; only 1.0 and 1.1 are served. */
    private static int version(byte[] line, int i, int length) throws HttpViolationException {
        if (length - i != 8 || line[i] != 'H' || line[i + 1] != 'T' || line[i + 2] != 'T'
            || line[i + 3] != 'P' || line[i + 4] != '/' || line[i + 6] != '.'
            || !digit(line[i + 5]) || !digit(line[i + 7])) {
            throw new HttpViolationException(Violation.MALFORMED_VERSION);
        }
        if (line[i + 5] != '1' || line[i + 7] > '1') {
            throw new HttpViolationException(Violation.UNSUPPORTED_VERSION);
        }
        return line[i + 7] - '0';
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** RFC 9112, section 3.2: origin-form, absolute-form, or {@code *} for OPTIONS. */
    private static void checkTargetForm(String method, String target) throws HttpViolationException {
        char first = target.charAt(0);
        if (first == '/') {
            return;
        }
        if (target.equals("*")) {
            if (method.equals("OPTIONS")) {
                return;
            }
            throw new HttpViolationException(Violation.INVALID_TARGET);
        }
        int colon = target.indexOf("://");
        if (colon > 0 && isScheme(target, colon)) {
            return;
        }
        // authority-form (CONNECT) is not served: this server is no tunnel.
        throw new HttpViolationException(Violation.INVALID_TARGET);
    }

    private static boolean isScheme(String target, int end) {
        for (int i = 0; i < end; i++) {
            char c = target.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
