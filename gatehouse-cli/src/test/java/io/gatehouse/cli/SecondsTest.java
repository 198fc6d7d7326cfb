package io.gatehouse.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecondsTest {

    @Test
    void readsWholeAndFractionalSeconds() {
        assertEquals(Duration.ofSeconds(5), Seconds.positive("5"));
        assertEquals(Duration.ofMillis(2500), Seconds.positive("2.5"));
        assertEquals(Duration.ZERO, Seconds.notNegative("0"));
    }

    @Test
    void writesWithoutNeedlessDigits() {
        assertEquals("30", Seconds.format(Duration.ofSeconds(30)));
        assertEquals("0.25", Seconds.format(Duration.ofMillis(250)));
        assertEquals("0", Seconds.format(Duration.ZERO));
    }

    @Test
    void rejectsWhatIsNoUsableDuration() {
        assertEquals("'0' must be more than 0 seconds",
            assertThrows(IllegalArgumentException.class, () -> Seconds.positive("0")).getMessage());
        assertEquals("'-1' must not be negative",
            assertThrows(IllegalArgumentException.class, () -> Seconds.notNegative("-1")).getMessage());
        assertEquals("'5s' is not a number of seconds",
            assertThrows(IllegalArgumentException.class, () -> Seconds.positive("5s")).getMessage());
    }
}
