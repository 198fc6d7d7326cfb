package io.gatehouse.web;

import com.fasterxml.jackson.core.type.TypeReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs session data for a cookie and checks it when it comes back, with HMAC-SHA256 (RFC 2104).
 *
 * <p>The cookie value is {@code base64url(json) "." issued-at-seconds "." base64url(mac)}, where the
 * MAC covers the first two parts. Keys rotate: the first key signs, and a cookie signed by any key
 * in the list is accepted, so a new key can be put in front and the old one dropped later.
 *
 * {@snippet :
 * SessionSigner signer = new SessionSigner(List.of("new-secret", "old-secret"), Duration.ofDays(31));
 * String value = signer.sign(Map.of("user", "ada"), Instant.now());
 * Map<String, Object> back = signer.verify(value, Instant.now());   // null when forged or expired
 * }
 */
public final class SessionSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<SecretKeySpec> keys;
    private final Duration maxAge;

    /**
     * @param secrets the keys, newest first; each at least 16 characters
     * @param maxAge  how long a signed value stays valid
     * @throws IllegalArgumentException when there is no key or a key is too short
     */
    public SessionSigner(List<String> secrets, Duration maxAge) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sessions need at least one secret key");
        }
        for (String secret : secrets) {
            if (secret.length() < 16) {
                throw new IllegalArgumentException("a session secret key must have at least 16 characters");
            }
        }
        this.keys = secrets.stream().map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        this.maxAge = maxAge;
    }

    /**
     * @param data   the session data
     * @param issued when it is signed
     * @return the cookie value
     */
    public String sign(Map<String, Object> data, Instant issued) {
        try {
            String payload = ENCODER.encodeToString(Json.MAPPER.writeValueAsBytes(data)) + "." + issued.getEpochSecond();
            return payload + "." + ENCODER.encodeToString(mac(keys.getFirst(), payload));
        } catch (IOException e) {
            throw new IllegalArgumentException("session data is not JSON-compatible: " + e.getMessage(), e);
        }
    }

    /**
     * @param value the cookie value
     * @param now   the current time
     * @return the data, or {@code null} when the value is malformed, signed by no listed key, or expired
     */
    public Map<String, Object> verify(String value, Instant now) {
        int second = value.lastIndexOf('.');
        int first = second < 0 ? -1 : value.lastIndexOf('.', second - 1);
        if (first < 0) {
            return null;
        }
        String payload = value.substring(0, second);
        byte[] given;
        long issued;
        try {
            given = DECODER.decode(value.substring(second + 1));
            issued = Long.parseLong(value.substring(first + 1, second));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean signed = false;
        for (SecretKeySpec key : keys) {
            // Constant-time comparison, so timing does not reveal how much of a forged MAC is right.
            signed |= MessageDigest.isEqual(mac(key, payload), given);
        }
        if (!signed || now.getEpochSecond() - issued > maxAge.toSeconds() || issued > now.getEpochSecond() + 60) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(DECODER.decode(value.substring(0, first)), new TypeReference<>() { });
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** @return how long a signed value stays valid */
    public Duration maxAge() {
        return maxAge;
    }

    private static byte[] mac(SecretKeySpec key, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
