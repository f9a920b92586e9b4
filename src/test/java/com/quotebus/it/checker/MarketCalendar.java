package com.quotebus.it.checker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * Trading days and exchange time, as docs/domain.md states them: weekdays that are not holidays; a time at or
 * after 18:00 belongs to the next trading day after its date, an earlier one to the first trading day on or
 * after its date; a night session precedes a trading day unless a holiday lies between it and the previous
 * trading day. Exchange time is UTC+8 without DST.
 */
public final class MarketCalendar {
    /** Asia/Shanghai: a fixed offset. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    public static final long MINUTE = 60_000L;

    private final Set<LocalDate> holidays;

    public MarketCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** The holiday file the node ships with ({@code calendar/cn-holidays.txt} on the class path). */
    public static MarketCalendar shipped() {
        try (InputStream in = MarketCalendar.class.getClassLoader().getResourceAsStream("calendar/cn-holidays.txt")) {
            if (in == null) {
                throw new IllegalStateException("calendar/cn-holidays.txt is not on the class path");
            }
            Set<LocalDate> days = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.length() >= 10 && Character.isDigit(t.charAt(0))) {
                    days.add(LocalDate.parse(t.substring(0, 10)));
                }
            }
            return new MarketCalendar(days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isTradingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    public LocalDate next(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isTradingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    public LocalDate previous(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (!isTradingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    public LocalDate onOrAfter(LocalDate d) {
        return isTradingDay(d) ? d : next(d);
    }

    public LocalDate onOrBefore(LocalDate d) {
        return isTradingDay(d) ? d : previous(d);
    }

    /** Whether a futures night session precedes this trading day (no holiday since the previous trading day). */
    public boolean hasNightBefore(LocalDate day) {
        for (LocalDate d = previous(day).plusDays(1); d.isBefore(day); d = d.plusDays(1)) {
            if (holidays.contains(d)) {
                return false;
            }
        }
        return true;
    }

    /** The trading day an exchange time belongs to (the 18:00 rule). */
    public LocalDate tradingDayOf(long epochMs) {
        LocalDateTime t = local(epochMs);
        return t.getHour() >= 18 ? next(t.toLocalDate()) : onOrAfter(t.toLocalDate());
    }

    public static LocalDateTime local(long epochMs) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), CHINA);
    }

    /** Epoch ms of a local date and minute of the day. */
    public static long epoch(LocalDate date, int minuteOfDay) {
        return date.atStartOfDay().toEpochSecond(CHINA) * 1000 + minuteOfDay * MINUTE;
    }

    public static long epoch(LocalDateTime t) {
        return t.toEpochSecond(CHINA) * 1000 + t.getNano() / 1_000_000;
    }

    /** HH:mm:ss.SSS of an exchange time, for messages. */
    public static String clock(long epochMs) {
        return local(epochMs).toString().replace('T', ' ');
    }
}
