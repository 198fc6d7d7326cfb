package io.gatehouse.testing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cookies a {@link TestClient} keeps between requests: stored from {@code Set-Cookie}, sent back
 * in {@code Cookie} when domain, path and the Secure flag allow (RFC 6265, sections 5.2 to 5.4).
 * Removed by {@code Max-Age=0} (or negative) or an {@code Expires} date in the past.
 */
final class CookieJar {

    private record Cookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure) {

        boolean matches(String host, String requestPath, boolean https) {
            boolean domainOk = hostOnly ? host.equalsIgnoreCase(domain)
                : host.equalsIgnoreCase(domain) || host.toLowerCase(Locale.ROOT).endsWith("." + domain);
            return domainOk && pathMatches(requestPath) && (https || !secure);
        }

        // RFC 6265, section 5.1.4: "/a" matches "/a", "/a/" and "/a/b" but not "/ab".
        private boolean pathMatches(String requestPath) {
            return requestPath.equals(path)
                || requestPath.startsWith(path) && (path.endsWith("/") || requestPath.charAt(path.length()) == '/');
        }
    }

    private final List<Cookie> cookies = new ArrayList<>();

    /** Stores (or removes) the cookie of one Set-Cookie value received for a request to host/path. */
    void store(String host, String requestPath, String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return; // RFC 6265, 5.2: a cookie without a name is ignored
        }
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        String domain = host;
        boolean hostOnly = true;
        String path = defaultPath(requestPath);
        boolean secure = false;
        Long maxAge = null;
        boolean expiresInPast = false;
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].split("=", 2);
            String key = attribute[0].trim().toLowerCase(Locale.ROOT);
            String argument = attribute.length == 2 ? attribute[1].trim() : "";
            switch (key) {
                case "domain" -> {
                    if (!argument.isEmpty()) {
                        domain = argument.startsWith(".") ? argument.substring(1) : argument;
                        hostOnly = false;
                    }
                }
                case "path" -> path = argument.startsWith("/") ? argument : defaultPath(requestPath);
                case "secure" -> secure = true;
                case "max-age" -> maxAge = parseMaxAge(argument, maxAge);
                case "expires" -> expiresInPast = expiresInPast(argument);
                default -> { }
            }
        }
        // RFC 6265, 5.3 step 3: Max-Age wins over Expires.
        boolean expired = maxAge != null ? maxAge <= 0 : expiresInPast;
        String storedPath = path;
        String storedDomain = domain;
        cookies.removeIf(c -> c.name().equals(name) && c.path().equals(storedPath)
            && c.domain().equalsIgnoreCase(storedDomain));
        if (!expired) {
            cookies.add(new Cookie(name, value, domain, hostOnly, path, secure));
        }
    }

    /** @return the Cookie header value for a request, or {@code null} when no cookie applies */
    String header(String host, String requestPath, boolean https) {
        List<Cookie> applicable = new ArrayList<>();
        for (Cookie cookie : cookies) {
            if (cookie.matches(host, requestPath, https)) {
                applicable.add(cookie);
            }
        }
        // RFC 6265, 5.4: longer paths first.
        applicable.sort((a, b) -> b.path().length() - a.path().length());
        if (applicable.isEmpty()) {
            return null;
        }
        StringBuilder header = new StringBuilder();
        for (Cookie cookie : applicable) {
            if (!header.isEmpty()) {
                header.append("; ");
            }
            header.append(cookie.name()).append('=').append(cookie.value());
        }
        return header.toString();
    }

    String value(String name) {
        for (Cookie cookie : cookies) {
            if (cookie.name().equals(name)) {
                return cookie.value();
            }
        }
        return null;
    }

    Map<String, String> snapshot() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Cookie cookie : cookies) {
            byName.putIfAbsent(cookie.name(), cookie.value());
        }
        return byName;
    }

    void clear() {
        cookies.clear();
    }

    // RFC 6265, 5.1.4: the directory of the request path.
    private static String defaultPath(String requestPath) {
        int slash = requestPath.lastIndexOf('/');
        return slash <= 0 ? "/" : requestPath.substring(0, slash);
    }

    private static Long parseMaxAge(String argument, Long earlier) {
        try {
            return Long.parseLong(argument);
        } catch (NumberFormatException e) {
            return earlier; // RFC 6265, 5.2.2: a malformed Max-Age is ignored
        }
    }

    private static boolean expiresInPast(String argument) {
        try {
            return ZonedDateTime.parse(argument, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
