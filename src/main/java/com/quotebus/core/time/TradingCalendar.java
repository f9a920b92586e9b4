package com.quotebus.core.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trading days of the Chinese exchanges: weekdays that are not exchange holidays. Holidays come from
 * a data file (one ISO date per line, {@code #} comments), shipped as {@code calendar/cn-holidays.txt}
 * and replaceable by configuration. The file states the years it covers; asking about a date outside
 * them is allowed (weekends only are then closed) but {@link #covers(LocalDate)} says so.
 */
public final class TradingCalendar {
    /** The holiday file shipped in resources. */
    public static final String DEFAULT_RESOURCE = "/calendar/cn-holidays.txt";

    private final Set<LocalDate> holidays;
    private final int firstYear;
    private final int lastYear;

    public TradingCalendar(Set<LocalDate> holidays, int firstYear, int lastYear) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("calendar covers no year: " + firstYear + ".." + lastYear);
        }
        this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The calendar shipped with Quotebus. */
    public static TradingCalendar loadDefault() {
        try (InputStream in = TradingCalendar.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("holiday file " + DEFAULT_RESOURCE + " missing from the classpath");
            }
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar from a holiday file on disk (config {@code calendar.holidays-file}). */
    public static TradingCalendar load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday file " + file, e);
        }
    }

    /**
     * Parses a holiday file. Lines: {@code yyyy-MM-dd [comment]}, blank lines and {@code #} comments;
     * a line {@code # covers: 2024-2027} states the covered years (default: the years of the dates).
     */
    public static TradingCalendar parse(InputStream in, String name) throws IOException {
        Set<LocalDate> days = new TreeSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        Integer coversFrom = null;
        Integer coversTo = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.startsWith("# covers:")) {
                String[] range = t.substring("# covers:".length()).strip().split("-");
                try {
                    coversFrom = Integer.parseInt(range[0].strip());
                    coversTo = Integer.parseInt(range[range.length - 1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": bad covers line '" + t + "'");
                }
                continue;
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String dateText = t.split("\\s+", 2)[0];
            try {
                LocalDate d = LocalDate.parse(dateText);
                days.add(d);
                first = Math.min(first, d.getYear());
                last = Math.max(last, d.getYear());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": '" + dateText
                        + "' is not a date yyyy-MM-dd", e);
            }
        }
        if (coversFrom == null) {
            if (days.isEmpty()) {
                throw new IllegalArgumentException(name + ": no holidays and no '# covers:' line");
            }
            coversFrom = first;
            coversTo = last;
        }
        return new TradingCalendar(days, coversFrom, coversTo);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    public static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !holidays.contains(date);
    }

    /** Whether the holiday file covers this date's year. */
    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    /** The first trading day strictly after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last trading day strictly before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it is a trading day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        return isTradingDay(date) ? date : nextTradingDay(date);
    }

    /** {@code date} itself when it is a trading day, else the previous one. */
    public LocalDate onOrBefore(LocalDate date) {
        return isTradingDay(date) ? date : previousTradingDay(date);
    }

    /** Minute of the day at which the next trading day begins (18:00): the night session belongs to it. */
    public static final int DAY_ROLL_MINUTE = 18 * 60;

    /**
     * The trading day a time belongs to — the one rule for it (China futures, and trivially A-shares): a time at
     * or after 18:00 belongs to the next trading day after its date; a time before 18:00 belongs to the first
     * trading day after the previous date. So Friday 21:30 and Saturday 01:00 both belong to Monday, a daytime
     * time on a trading day belongs to that day, and the 15:00 close belongs to its own day whatever comes after.
     */
    public LocalDate tradingDayOf(long epochMs) {
        LocalDate date = ChinaTime.date(epochMs);
        LocalDate eve = ChinaTime.minuteOfDay(epochMs) >= DAY_ROLL_MINUTE ? date : date.minusDays(1);
        return nextTradingDay(eve);
    }

    /** The first instant (epoch ms) that belongs to trading day {@code tradingDay}: 18:00 of the trading day before. */
    public long tradingDayStart(LocalDate tradingDay) {
        return ChinaTime.epochMillis(previousTradingDay(tradingDay), DAY_ROLL_MINUTE);
    }

    /** The first instant after trading day {@code tradingDay}: its own 18:00. */
    public long tradingDayEnd(LocalDate tradingDay) {
        return ChinaTime.epochMillis(tradingDay, DAY_ROLL_MINUTE);
    }

    /**
     * Whether the trading day {@code tradingDay} is preceded by a night session (futures). The night
     * session runs on the evening of the previous trading day and is cancelled when an exchange
     * holiday lies between the two (the night before a long holiday): Friday night → Monday is
     * normal, but not when Monday is a holiday.
     */
    public boolean hasNightSessionBefore(LocalDate tradingDay) {
        if (!isTradingDay(tradingDay)) {
            return false;
        }
        LocalDate previous = previousTradingDay(tradingDay);
        for (LocalDate d = previous.plusDays(1); d.isBefore(tradingDay); d = d.plusDays(1)) {
            if (holidays.contains(d)) {
                return false;
            }
        }
        return true;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }
}
