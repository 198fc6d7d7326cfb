package io.gatehouse.http;

import java.nio.charset.StandardCharsets;

/**
 * Splits a field line ({@code name ":" OWS value OWS}, RFC 9112 section 5) of a head or a trailer
 * section into name and value, rejecting what section 5 forbids. The bytes come from a
 * {@link LineReader}, so control bytes are already gone.
 */
final class FieldLines {

    private FieldLines() {
    }

    /** @return the index of the colon; the name is {@code [0, colon)} */
    static int colon(byte[] line, int length) throws HttpViolationException {
        if (length > 0 && Tokens.is(line[0], Tokens.WHITESPACE)) {
            throw new HttpViolationException(Violation.OBS_FOLD);   // RFC 9112, section 5.2
        }
        int i = 0;
        while (i < length && Tokens.is(line[i], Tokens.TOKEN)) {
            i++;
        }
        if (i == length || i == 0) {
            throw new HttpViolationException(Violation.INVALID_FIELD_NAME);   // RFC 9110, section 5.1
        }
        if (line[i] != ':') {
            throw new HttpViolationException(Tokens.is(line[i], Tokens.WHITESPACE)
                ? Violation.WHITESPACE_BEFORE_COLON    // RFC 9112, section 5.1
                : Violation.INVALID_FIELD_NAME);
        }
        return i;
    }

    static String name(byte[] line, int colon) {
        return CommonFieldNames.decode(line, colon);
    }

    /** The value with optional whitespace at both ends removed, decoded as ISO-8859-1. */
    static String value(byte[] line, int colon, int length) {
        int start = colon + 1;
        int end = length;
        while (start < end && Tokens.is(line[start], Tokens.WHITESPACE)) {
            start++;
        }
        while (end > start && Tokens.is(line[end - 1], Tokens.WHITESPACE)) {
            end--;
        }
        return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
