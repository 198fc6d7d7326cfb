package io.gatehouse.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A cookie to set with {@code Set-Cookie} (RFC 6265, section 4.1), with every attribute the RFC
 * defines plus {@code SameSite}.
 *
 * {@snippet :
 * response.cookie(Cookie.of("theme", "dark").maxAge(Duration.ofDays(30)).httpOnly(true).sameSite(Cookie.SameSite.LAX));
 * // Set-Cookie: theme=dark; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax
 * }
 *
 * <p>Names and values are checked when the cookie is made, so a bad one fails in the view that made
 * it and never reaches the wire.
 *
 * @param name     a token (RFC 9110, section 5.6.2)
 * @param value    cookie-octets, optionally in double quotes (RFC 6265, section 4.1.1)
 * @param path     the Path attribute, or {@code null}
 * @param domain   the Domain attribute, or {@code null}
 * @param maxAge   the Max-Age attribute, or {@code null}
 * @param expires  the Expires attribute, or {@code null}
 * @param secure   the Secure attribute
 * @param httpOnly the HttpOnly attribute
 * @param sameSite the SameSite attribute, or {@code null}
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, Instant expires,
                     boolean secure, boolean httpOnly, SameSite sameSite) {

    /** The SameSite attribute values. */
    public enum SameSite {
        /** Sent only with same-site requests. */
        STRICT("Strict"),
        /** Also sent on top-level navigations from other sites (the browsers' default). */
        LAX("Lax"),
        /** Sent with cross-site requests too; requires {@code Secure}. */
        NONE("None");

        private final String text;

        SameSite(String text) {
            this.text = text;
        }

        /** @return the attribute value as written, such as {@code "Lax"} */
        public String text() {
            return text;
        }
    }

    // IMF-fixdate, RFC 9110 section 5.6.7 (RFC 6265 section 4.1.1 requires rfc1123-date).
    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Checks the name, value and attributes. */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
            throw new IllegalArgumentException("cookie name is not a token: '" + name + "'");
        }
        String bare = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1) : value;
        if (!bare.chars().allMatch(Cookie::isCookieOctet)) {
            throw new IllegalArgumentException("cookie " + name + ": value has characters RFC 6265 4.1.1 forbids");
        }
        checkAttribute(name, "Path", path);
        checkAttribute(name, "Domain", domain);
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("cookie " + name + ": SameSite=None requires Secure");
        }
    }

    /**
     * A session cookie (no expiry) for the whole site: {@code Path=/}.
     *
     * @param name  the name
     * @param value the value
     * @return the cookie
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, "/", null, null, null, false, false, null);
    }

    /** @param newPath the Path @return a copy with it */
    public Cookie path(String newPath) {
        return new Cookie(name, value, newPath, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** @param newDomain the Domain @return a copy with it */
    public Cookie domain(String newDomain) {
        return new Cookie(name, value, path, newDomain, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** @param age the Max-Age @return a copy with it */
    public Cookie maxAge(Duration age) {
        return new Cookie(name, value, path, domain, age, expires, secure, httpOnly, sameSite);
    }

    /** @param when the Expires date @return a copy with it */
    public Cookie expires(Instant when) {
        return new Cookie(name, value, path, domain, maxAge, when, secure, httpOnly, sameSite);
    }

    /** @param on whether to send {@code Secure} @return a copy with it */
    public Cookie secure(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, expires, on, httpOnly, sameSite);
    }

    /** @param on whether to send {@code HttpOnly} @return a copy with it */
    public Cookie httpOnly(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, on, sameSite);
    }

    /** @param policy the SameSite value @return a copy with it */
    public Cookie sameSite(SameSite policy) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, policy);
    }

    /**
     * A cookie that tells the client to forget {@code name} at {@code path}: empty, expired.
     *
     * @param name the cookie name
     * @param path the path it was set with
     * @return the deleting cookie
     */
    public static Cookie deletion(String name, String path) {
        return new Cookie(name, "", path, null, Duration.ZERO, Instant.EPOCH, false, false, null);
    }

    /** @return the {@code Set-Cookie} field value */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder(name).append('=').append(value);
        if (maxAge != null) {
            out.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        if (expires != null) {
            out.append("; Expires=").append(HTTP_DATE.format(expires));
        }
        if (domain != null) {
            out.append("; Domain=").append(domain);
        }
        if (path != null) {
            out.append("; Path=").append(path);
        }
        if (secure) {
            out.append("; Secure");
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        if (sameSite != null) {
            out.append("; SameSite=").append(sameSite.text());
        }
        return out.toString();
    }

    private static void checkAttribute(String cookie, String attribute, String text) {
        // RFC 6265, section 4.1.1: av-octets are any CHAR except CTLs or ';'.
        if (text != null && !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("cookie " + cookie + ": " + attribute + " has a control character or ';'");
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static boolean isCookieOctet(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b)
            || (c >= 0x5d && c <= 0x7e);
    }
}
