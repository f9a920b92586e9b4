package com.quotebus.collector.sim;

import com.quotebus.config.Settings;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How the simulated market clock runs.
 *
 * @param startTime     market time of day at launch ({@code clock.start-time}, default 09:29:30 — half a minute before
 *                      the continuous session, so that prices move within a minute of launch at speed 1; 09:14 shows
 *                      the opening call auction first)
 * @param startDate     trading day to start on; null = today if it is a trading day, else the next one
 *                      ({@code clock.start-date})
 * @param speed         market milliseconds per wall millisecond, 0.01..10000 (1.0 = real time) ({@code clock.speed})
 * @param skipDeadTime  jump over times when nothing trades (lunch, evening, overnight, weekends), resuming
 *                      {@code leadMinutes} before the next session starts ({@code clock.skip-dead-time})
 * @param leadMinutes   minutes of quiet shown before a session after a skip, 0..30 ({@code clock.lead-minutes})
 */
public record SimClockConfig(LocalTime startTime, LocalDate startDate, double speed, boolean skipDeadTime,
        int leadMinutes) {

    public static final SimClockConfig DEFAULT = new SimClockConfig(LocalTime.of(9, 29, 30), null, 1.0, true, 1);

    /** From the {@code clock} section: start-time, start-date, speed, skip-dead-time, lead-minutes. */
    public static SimClockConfig from(Settings c) {
        SimClockConfig d = DEFAULT;
        return c.build(() -> new SimClockConfig(c.parsed("start-time", d.startTime(), LocalTime::parse, "a time HH:mm or HH:mm:ss"),
                c.parsed("start-date", d.startDate(), LocalDate::parse, "a date yyyy-MM-dd"),
                c.doubleValue("speed", d.speed()), c.bool("skip-dead-time", d.skipDeadTime()),
                c.intValue("lead-minutes", d.leadMinutes())));
    }

    public SimClockConfig {
        Objects.requireNonNull(startTime, "clock.start-time is required");
        if (!(speed >= 0.01 && speed <= 10_000)) {
            throw new IllegalArgumentException("clock.speed must be 0.01..10000, was " + speed);
        }
        if (leadMinutes < 0 || leadMinutes > 30) {
            throw new IllegalArgumentException("clock.lead-minutes must be 0..30, was " + leadMinutes);
        }
    }
}
