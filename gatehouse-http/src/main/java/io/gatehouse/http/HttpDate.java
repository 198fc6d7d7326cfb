package io.gatehouse.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} field line (RFC 9110, section 6.6.1, IMF-fixdate), formatted at most once per
 * second and shared by all threads: the bytes of one second are immutable and published through a
 * volatile field.
 *
 * {@snippet :
 * byte[] line = HttpDate.fieldLine();   // "Date: Wed, 25 Nov 2026 06:40:00 GMT\r\n"
 * }
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, byte[] line) {
    }

    private static volatile Second current = format(System.currentTimeMillis() / 1000);

    private HttpDate() {
    }

    /** @return {@code "Date: <IMF-fixdate>\r\n"} for the current second; do not modify */
    public static byte[] fieldLine() {
        long now = System.currentTimeMillis() / 1000;
        Second second = current;
        if (second.epochSecond != now) {
            second = format(now);
            current = second;
        }
        return second.line;
    }

    private static Second format(long epochSecond) {
        String text = "Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)) + "\r\n";
        return new Second(epochSecond, text.getBytes(StandardCharsets.US_ASCII));
    }
}
