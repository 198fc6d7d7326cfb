package io.gatehouse.cli;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads and writes durations given in seconds on the command line, fractions allowed
 * ({@code 2.5}), as Gunicorn's timeout flags are.
 *
 * {@snippet :
 * Duration d = Seconds.positive("2.5");   // PT2.5S
 * String s = Seconds.format(d);           // "2.5"
 * }
 */
public final class Seconds {

    private Seconds() {
    }

    /** @param value seconds @return the duration @throws IllegalArgumentException unless it is a number above 0 */
    public static Duration positive(String value) {
        Duration duration = parse(value);
        if (duration.isZero()) {
            throw new IllegalArgumentException("'" + value + "' must be more than 0 seconds");
        }
        return duration;
    }

    /** @param value seconds @return the duration @throws IllegalArgumentException unless it is a number of 0 or more */
    public static Duration notNegative(String value) {
        return parse(value);
    }

    /** @param duration a duration @return it in seconds, without a fraction when it is whole */
    public static String format(Duration duration) {
        return new BigDecimal(duration.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    private static Duration parse(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number of seconds");
        }
        if (seconds.signum() < 0) {
            throw new IllegalArgumentException("'" + value + "' must not be negative");
        }
        if (seconds.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + value + "' is too many seconds");
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
}
