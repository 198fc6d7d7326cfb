package io.gatehouse.staticfiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110, 5.6.7): written as IMF-fixdate, read in all three formats a recipient must
 * accept.
 *
 * {@snippet :
 * HttpDate.format(Instant.EPOCH);                          // "Thu, 01 Jan 1970 00:00:00 GMT"
 * HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT");        // the obsolete RFC 850 form, still read
 * }
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    // RFC 9110, 5.6.7: a two-digit year that would be more than 50 years in the future is in the past.
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).getYear() - 49)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME =
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDate() {
    }

    /** @param instant a time @return it as IMF-fixdate, to the second */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @param text a header value
     * @return the time, or empty when it is no HTTP date (RFC 9110, 13.1.3: an invalid date makes
     *         the precondition ignored)
     */
    public static Optional<Instant> parse(String text) {
        String value = text.strip();
        for (DateTimeFormatter format : List.of(IMF_FIXDATE, RFC_850, ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
