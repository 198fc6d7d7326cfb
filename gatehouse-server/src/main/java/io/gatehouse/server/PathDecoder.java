package io.gatehouse.server;

import io.gatehouse.http.HttpViolationException;
import io.gatehouse.http.Tokens;
import io.gatehouse.http.Violation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decodes a request path into bytes and reads them as UTF-8 (docs/spec.md, section 4.3):
 * a malformed escape or bytes that are not UTF-8 are a 400, and {@code +} stays a {@code +}.
 */
final class PathDecoder {

    private PathDecoder() {
    }

    static String decode(String raw) throws HttpViolationException {
        if (raw.indexOf('%') < 0) {
            return raw;   // the parser admits only visible ASCII in a target: nothing to decode
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes[n++] = (byte) c;
                continue;
            }
            if (i + 2 >= raw.length()) {
                throw new HttpViolationException(Violation.INVALID_PATH_ENCODING);
            }
            int high = Tokens.hexValue((byte) raw.charAt(i + 1));
            int low = Tokens.hexValue((byte) raw.charAt(i + 2));
            if (high < 0 || low < 0) {
                throw new HttpViolationException(Violation.INVALID_PATH_ENCODING);   // RFC 3986, 2.1
            }
            bytes[n++] = (byte) (high << 4 | low);
            i += 2;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new HttpViolationException(Violation.INVALID_PATH_ENCODING);
        }
    }
}
