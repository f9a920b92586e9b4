package com.quotebus.collector.sim;

import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The simulator's market time: a live trading day at any hour. At construction the market time is
 * {@code startTime} of the start trading day (today if it trades, else the next trading day); from then on it
 * advances at {@code speed} × the wall clock. With {@code skipDeadTime}, whenever market time reaches the end of
 * an active interval (see {@link MarketGenerator#activeIntervals}) it jumps to {@code leadMinutes} before the
 * next one — 11:30 → 12:59, 15:00 → 20:54 (futures night), 23:00 → 09:14 of the next trading day — rolling
 * across weekends and holidays per the calendar. Monotonic; thread-safe; the wall clock is injected.
 *
 * <p>It may also start at a given market time instead ({@link SimulatedMarketStart}: a restarted node resumes
 * where its journal ends), and may start held there until {@link #release()} (a node holds it until its collector
 * has logged on to the simulator, so that nothing is sent before anyone listens).
 */
public final class SimulatedMarketClock implements MarketClock {
    private final MarketClock wall;
    private final double speed;
    private final boolean skip;
    private final long lead;
    private final TradingCalendar calendar;
    private final Function<LocalDate, long[]> intervalsOf;
    private LocalDate day;
    private long[] intervals;
    private int idx;
    private long wallAnchor;
    private long marketAnchor;
    private long lastReturned = Long.MIN_VALUE;
    private boolean held;

    /**
     * Starts at the configured start ({@link #configuredStart}).
     *
     * @param intervalsOf active intervals of a trading day, {@code [s0, e0, s1, e1, …]} epoch ms (use
     *                    {@code generator::activeIntervals})
     */
    public SimulatedMarketClock(SimClockConfig config, TradingCalendar calendar, MarketClock wall,
            Function<LocalDate, long[]> intervalsOf) {
        this(config, calendar, wall, intervalsOf, configuredStart(config, calendar, wall.millis()), false);
    }

    /**
     * Starts at market time {@code start} (epoch ms); with {@code skipDeadTime}, a start in dead time moves on to
     * {@code leadMinutes} before the next active interval, as any other start does.
     *
     * @param intervalsOf active intervals of a trading day, {@code [s0, e0, s1, e1, …]} epoch ms (use
     *                    {@code generator::activeIntervals})
     * @param held        whether market time stands at the start until {@link #release()}
     */
    public SimulatedMarketClock(SimClockConfig config, TradingCalendar calendar, MarketClock wall,
            Function<LocalDate, long[]> intervalsOf, long start, boolean held) {
        this.wall = wall;
        this.speed = config.speed();
        this.skip = config.skipDeadTime();
        this.lead = config.leadMinutes() * ChinaTime.MINUTE_MS;
        this.calendar = calendar;
        this.intervalsOf = intervalsOf;
        LocalDate startDay = calendar.tradingDayOf(start);
        this.wallAnchor = wall.millis();
        this.marketAnchor = start;
        this.day = startDay;
        this.intervals = intervalsOf.apply(startDay);
        this.idx = 0;
        if (skip) {
            settle();
        }
        this.held = held;
    }

    /**
     * The start the configuration gives: {@code start-time} of {@code start-date}, or of today (by the wall clock,
     * Beijing time) when that is a trading day, else of the next trading day.
     */
    public static long configuredStart(SimClockConfig config, TradingCalendar calendar, long wallNow) {
        LocalDate date = config.startDate() != null ? calendar.onOrAfter(config.startDate())
                : calendar.onOrAfter(ChinaTime.date(wallNow));
        return ChinaTime.epochMillis(date, config.startTime());
    }

    /** Lets a held clock run again from the market time it was held at. Releasing a running clock changes nothing. */
    public synchronized void release() {
        if (!held) {
            return;
        }
        held = false;
        wallAnchor = wall.millis();
    }

    /** The trading day the clock started on. */
    public synchronized LocalDate startDay() {
        return day;
    }

    @Override
    public synchronized long millis() {
        if (held) {
            return marketAnchor;
        }
        long m = marketAnchor + (long) ((wall.millis() - wallAnchor) * speed);
        if (skip) {
            while (true) {
                long end = intervals[2 * idx + 1];
                if (m <= end) {
                    break;
                }
                // Market time ran past this interval: jump to the next, keeping the wall time of the crossing.
                long wallAtEnd = wallAnchor + (long) Math.ceil((end - marketAnchor) / speed);
                nextInterval();
                long resume = Math.max(end, intervals[2 * idx] - lead);
                wallAnchor = wallAtEnd;
                marketAnchor = resume;
                m = marketAnchor + (long) ((wall.millis() - wallAnchor) * speed);
            }
        }
        if (m < lastReturned) {
            m = lastReturned;
        }
        lastReturned = m;
        return m;
    }

    /** Moves the anchor into the first interval that has not ended yet, if it lies before it. */
    private void settle() {
        while (marketAnchor > intervals[2 * idx + 1]) {
            nextInterval();
        }
        marketAnchor = Math.max(marketAnchor, intervals[2 * idx] - lead);
    }

    private void nextInterval() {
        idx++;
        if (2 * idx >= intervals.length) {
            day = calendar.nextTradingDay(day);
            intervals = intervalsOf.apply(day);
            idx = 0;
        }
    }
}
