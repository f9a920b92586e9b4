package com.quotebus.collector.sim;

import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's daily model: for every symbol and trading day, a seeded open/high/low/close/volume whose
 * previous close is the previous trading day's close, computed without generating ticks. The chain starts at
 * the first trading day of the calendar's first year (the anchor) at the symbol's base price. The tick
 * generator uses these values as the day's targets, so live days and past days agree.
 *
 * <p>Cost: the first request for a symbol walks the days from the anchor (a few hundred steps); closes are
 * cached per symbol (one long per trading day, at most {@value #MAX_DAYS} days). Thread-safe.
 */
public final class DailyHistory {
    static final int MAX_DAYS = 20 * 260;
    private final long seed;
    private final TradingCalendar calendar;
    private final LocalDate anchor;
    private final List<LocalDate> days = new ArrayList<>();
    private final long[][] closes;
    private final int[] known;
    private final List<SimSymbol> symbols;

    public DailyHistory(long seed, SimUniverse universe, TradingCalendar calendar) {
        this.seed = seed;
        this.calendar = calendar;
        this.anchor = calendar.onOrAfter(LocalDate.of(calendar.firstYear(), 1, 1));
        this.symbols = universe.symbols();
        this.closes = new long[symbols.size()][];
        this.known = new int[symbols.size()];
    }

    public LocalDate anchor() {
        return anchor;
    }

    /** The summary of a symbol's trading day (anchor ≤ day). */
    public synchronized DailySummary day(SimSymbol symbol, LocalDate day) {
        int k = dayIndex(day);
        long preClose = k == 0 ? symbol.basePrice() : close(symbol, k - 1);
        return model(symbol, day, preClose);
    }

    /** Summaries of every trading day in {@code [from, to]}, oldest first. */
    public synchronized List<DailySummary> days(SimSymbol symbol, LocalDate from, LocalDate to) {
        List<DailySummary> out = new ArrayList<>();
        for (LocalDate d = calendar.onOrAfter(from); !d.isAfter(to); d = calendar.nextTradingDay(d)) {
            out.add(day(symbol, d));
        }
        return out;
    }

    private long close(SimSymbol symbol, int k) {
        int i = symbol.index();
        if (closes[i] == null) {
            closes[i] = new long[Math.max(16, k + 1)];
        } else if (closes[i].length <= k) {
            closes[i] = Arrays.copyOf(closes[i], Math.max(closes[i].length * 2, k + 1));
        }
        while (known[i] <= k) {
            int j = known[i];
            long pre = j == 0 ? symbol.basePrice() : closes[i][j - 1];
            closes[i][j] = model(symbol, days.get(j), pre).close();
            known[i]++;
        }
        return closes[i][k];
    }

    private int dayIndex(LocalDate day) {
        if (day.isBefore(anchor)) {
            throw new IllegalArgumentException("simulated history starts " + anchor + "; " + day + " is before it");
        }
        if (!calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a trading day");
        }
        if (days.isEmpty()) {
            days.add(anchor);
        }
        while (days.get(days.size() - 1).isBefore(day)) {
            if (days.size() >= MAX_DAYS) {
                throw new IllegalArgumentException(day + " is more than " + MAX_DAYS + " trading days after " + anchor);
            }
            days.add(calendar.nextTradingDay(days.get(days.size() - 1)));
        }
        int k = java.util.Collections.binarySearch(days, day);
        return k;
    }

    static SplittableRandom random(long seed, SimSymbol symbol, LocalDate day, int stream) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= symbol.codeText().hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= day.toEpochDay() * 0x165667B19E3779F9L;
        h ^= stream * 0xD6E8FEB86659FD93L;
        return new SplittableRandom(h);
    }

    private DailySummary model(SimSymbol s, LocalDate day, long preClose) {
        SplittableRandom r = random(seed, s, day, 0);
        long upper = s.upperLimit(preClose);
        long lower = s.lowerLimit(preClose);
        double maxMove = (s.limitPct() - 0.5) / 100.0;
        double ret = clamp(gaussian(r) * 0.02, -maxMove, maxMove);
        long close = clampTick(s, preClose * (1 + ret), lower, upper);
        long open = clampTick(s, preClose * (1 + clamp(gaussian(r) * 0.006, -maxMove, maxMove)), lower, upper);
        long high = clampTick(s, Math.max(open, close) + Math.abs(gaussian(r)) * 0.008 * preClose, lower, upper);
        long low = clampTick(s, Math.min(open, close) - Math.abs(gaussian(r)) * 0.008 * preClose, lower, upper);
        high = Math.max(high, Math.max(open, close));
        low = Math.min(low, Math.min(open, close));
        long baseLots = Math.max(10, Math.round(2_000_000 * s.weight()));
        long volume = Math.max(1, Math.round(baseLots * Math.exp(gaussian(r) * 0.4))) * s.lot();
        long turnover = volume * ((open + high + low + close) / 4) * s.multiplier();
        return new DailySummary(s.codeText(), day, preClose, open, high, low, close, volume, turnover, upper, lower);
    }

    static long clampTick(SimSymbol s, double price, long lower, long upper) {
        return Math.max(lower, Math.min(upper, s.roundToTick(price)));
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A standard normal draw (Box–Muller; SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
