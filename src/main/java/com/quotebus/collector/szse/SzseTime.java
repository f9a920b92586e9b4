package com.quotebus.collector.szse;

import com.quotebus.core.time.ChinaTime;
import java.time.LocalDate;

/**
 * The spec's LocalTimeStamp: Int64 {@code YYYYMMDDHHMMSSsss} in Beijing time, e.g. {@code 20250303093000120}.
 * Conversion uses integer arithmetic and remembers the last date seen (a feed sends one date all day).
 * Not thread-safe (one per decoder).
 */
public final class SzseTime {
    private long lastDate = -1;
    private long lastEpochDayMillis;

    /** Epoch milliseconds, or {@code -1} when the value is not a valid timestamp. */
    public long toEpochMillis(long stamp) {
        if (stamp < 1970_01_01_000000000L || stamp > 9999_12_31_235959999L) {
            return -1;
        }
        long date = stamp / 1_000_000_000L;
        long tod = stamp % 1_000_000_000L;
        int hh = (int) (tod / 10_000_000L);
        int mm = (int) (tod / 100_000L % 100);
        int ss = (int) (tod / 1000 % 100);
        int ms = (int) (tod % 1000);
        if (hh > 23 || mm > 59 || ss > 59) {
            return -1;
        }
        if (date != lastDate) {
            int y = (int) (date / 10000);
            int mo = (int) (date / 100 % 100);
            int d = (int) (date % 100);
            if (mo < 1 || mo > 12 || d < 1 || d > 31) {
                return -1;
            }
            LocalDate ld;
            try {
                ld = LocalDate.of(y, mo, d);
            } catch (java.time.DateTimeException e) {
                return -1;
            }
            lastEpochDayMillis = ld.toEpochDay() * ChinaTime.DAY_MS - ChinaTime.OFFSET_MS;
            lastDate = date;
        }
        return lastEpochDayMillis + ((hh * 60L + mm) * 60L + ss) * 1000L + ms;
    }

    /** The LocalTimeStamp of an epoch-millisecond time (Beijing). */
    public static long fromEpochMillis(long epochMs) {
        long local = epochMs + ChinaTime.OFFSET_MS;
        long day = Math.floorDiv(local, ChinaTime.DAY_MS);
        long msOfDay = Math.floorMod(local, ChinaTime.DAY_MS);
        LocalDate d = LocalDate.ofEpochDay(day);
        long date = d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth();
        long hh = msOfDay / 3_600_000L;
        long mm = msOfDay / 60_000L % 60;
        long ss = msOfDay / 1000 % 60;
        long ms = msOfDay % 1000;
        return date * 1_000_000_000L + hh * 10_000_000L + mm * 100_000L + ss * 1000L + ms;
    }
}
