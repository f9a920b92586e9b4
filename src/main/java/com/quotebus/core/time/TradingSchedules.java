package com.quotebus.core.time;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves times to trading days and caches the {@link TradingDaySchedule} of recent days (bounded:
 * {@value #CACHE_SIZE} schedules, least recently used evicted). Not thread-safe: one per calculator thread.
 *
 * <p>The trading-day rule is {@link TradingCalendar#tradingDayOf}.
 */
public final class TradingSchedules {
    static final int CACHE_SIZE = 64;

    private final TradingCalendar calendar;
    private final Map<Key, TradingDaySchedule> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TradingDaySchedule> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Key(SessionTemplate template, LocalDate day) {}

    public TradingSchedules(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** The trading day a time belongs to. */
    public LocalDate tradingDayOf(long epochMs) {
        return calendar.tradingDayOf(epochMs);
    }

    /** The schedule of a trading day; {@code day} must be a trading day. */
    public TradingDaySchedule schedule(SessionTemplate template, LocalDate day) {
        if (!calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a trading day");
        }
        return cache.computeIfAbsent(new Key(template, day), k -> new TradingDaySchedule(template, day, calendar));
    }

    /** The schedule of the trading day a time belongs to. */
    public TradingDaySchedule scheduleAt(SessionTemplate template, long epochMs) {
        return schedule(template, tradingDayOf(epochMs));
    }
}
