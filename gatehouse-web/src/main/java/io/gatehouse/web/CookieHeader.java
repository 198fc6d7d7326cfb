package io.gatehouse.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses a request's {@code Cookie} field (RFC 6265, section 5.4): {@code a=1; b=2}. */
final class CookieHeader {

    private CookieHeader() {
    }

    /** @return the cookies by name; for a name sent twice, the first wins; quotes around values removed */
    static Map<String, String> parse(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (header == null) {
            return cookies;
        }
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue; // not a cookie-pair: ignored, as user agents do
            }
            String value = pair.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            cookies.putIfAbsent(pair.substring(0, equals).trim(), value);
        }
        return cookies;
    }
}
