package io.gatehouse.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where sessions live: a signed cookie (see {@link SessionSigner}) named {@code session} by default,
 * {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} on https, with the path of the application's
 * mount point.
 *
 * {@snippet :
 * app.secretKeys("a-new-long-random-secret", "the-previous-secret-key");
 * }
 *
 * @param cookieName the cookie's name
 * @param signer     the signer, or {@code null} when sessions are off
 */
record SessionConfig(String cookieName, SessionSigner signer) {

    static final SessionConfig OFF = new SessionConfig("session", null);

    static SessionConfig of(String cookieName, List<String> secrets, Duration maxAge) {
        return new SessionConfig(cookieName, new SessionSigner(secrets, maxAge));
    }

    boolean enabled() {
        return signer != null;
    }

    Session load(Request request) {
        if (signer == null) {
            throw new IllegalStateException("sessions need a secret key: call secretKeys(...) when setting up the app");
        }
        String value = request.cookie(cookieName);
        Map<String, Object> data = value == null ? null : signer.verify(value, Instant.now());
        return new Session(data == null ? Map.of() : data);
    }

    /** @return the cookie to send for a changed session, or {@code null} when nothing changed */
    Cookie cookieFor(Request request) {
        Session session = request.loadedSession();
        if (session == null || !session.modified()) {
            return null;
        }
        String path = request.scriptName().isEmpty() ? "/" : PercentEncoding.encodePath(request.scriptName());
        if (session.isEmpty()) {
            return Cookie.deletion(cookieName, path).httpOnly(true);
        }
        Cookie cookie = Cookie.of(cookieName, signer.sign(session.data(), Instant.now())).path(path)
            .maxAge(signer.maxAge()).httpOnly(true).sameSite(Cookie.SameSite.LAX);
        return "https".equals(request.scheme()) ? cookie.secure(true) : cookie;
    }
}
