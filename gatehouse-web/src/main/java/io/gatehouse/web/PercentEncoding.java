package io.gatehouse.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Percent-encoding for the parts of a URL the framework writes: paths for {@code urlFor} and
 * redirects (RFC 3986, section 3.3), and {@code application/x-www-form-urlencoded} queries.
 */
final class PercentEncoding {

    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Encodes a decoded path (or path segment): everything but unreserved, sub-delims, ':', '@', '/'. */
    static String encodePath(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 8);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PATH_SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** Encodes parameters as a form-urlencoded query, without the leading '?'. */
    static String encodeQuery(Map<String, ?> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> many ? many : java.util.List.of(value);
            for (Object one : values) {
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** Decodes one form-urlencoded name or value; malformed escapes are kept as text, never fatal. */
    static String decodeForm(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text.replace('+', ' ');
        }
    }
}
