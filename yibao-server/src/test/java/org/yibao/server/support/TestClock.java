package org.yibao.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's clock in a {@code @ClockControlledTest}: it stands still until the test moves it, so a
 * story can run through a policy year (deadlines, validity dates, yearly limits) in seconds. The HIS
 * clients of {@link FsiClients} keep the same time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock to {@code time} in the clock's zone (backwards too). */
    public void set(LocalDateTime time) {
        now.set(time.atZone(zone).toInstant());
    }

    /** Moves the clock to 09:00 on {@code day}. */
    public void setDay(LocalDate day) {
        set(day.atTime(9, 0));
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // The same moving time seen from another zone.
        return other.equals(zone) ? this : new TestClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
