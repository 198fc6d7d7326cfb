package io.gatehouse.middleware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that starts at a fixed instant and moves forward by a fixed step on every reading. */
final class SteppingClock extends Clock {

    private final ZoneId zone;
    private final Duration step;
    private Instant next;

    SteppingClock(Instant start, Duration step, ZoneId zone) {
        this.next = start;
        this.step = step;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SteppingClock(next, step, other);
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }
}
