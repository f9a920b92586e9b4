package com.quotebus.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Asia/Shanghai time arithmetic on epoch milliseconds. China has had no daylight-saving time since
 * 1991, so the zone is a fixed UTC+8 offset and the hot paths use plain integer arithmetic instead of
 * {@code java.time} zone rules.
 */
public final class ChinaTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    public static final long OFFSET_MS = 8 * 3_600_000L;
    public static final long DAY_MS = 86_400_000L;
    public static final long MINUTE_MS = 60_000L;

    private ChinaTime() {}

    /** Milliseconds since local midnight. */
    public static long millisOfDay(long epochMs) {
        return Math.floorMod(epochMs + OFFSET_MS, DAY_MS);
    }

    /** Minute of the local day, 0..1439 (floor). */
    public static int minuteOfDay(long epochMs) {
        return (int) (millisOfDay(epochMs) / MINUTE_MS);
    }

    /** Local calendar date as an epoch day. */
    public static long epochDay(long epochMs) {
        return Math.floorDiv(epochMs + OFFSET_MS, DAY_MS);
    }

    public static LocalDate date(long epochMs) {
        return LocalDate.ofEpochDay(epochDay(epochMs));
    }

    public static LocalDateTime dateTime(long epochMs) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), OFFSET);
    }

    /** Epoch ms of a local date and time. */
    public static long epochMillis(LocalDate date, LocalTime time) {
        return date.toEpochDay() * DAY_MS + time.toNanoOfDay() / 1_000_000L - OFFSET_MS;
    }

    /** Epoch ms of a local date plus minutes since its midnight (may exceed 1440 to roll over). */
    public static long epochMillis(LocalDate date, int minuteOfDay) {
        return date.toEpochDay() * DAY_MS + minuteOfDay * MINUTE_MS - OFFSET_MS;
    }

    public static long epochMillis(LocalDateTime dateTime) {
        return dateTime.toInstant(OFFSET).toEpochMilli();
    }
}
