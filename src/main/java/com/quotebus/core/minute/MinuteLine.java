package com.quotebus.core.minute;

import com.quotebus.core.time.TradingDaySchedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 分时 line of one instrument for one trading day, on the fixed grid of its schedule (A-shares 241
 * points). Stored row-wise in one interleaved {@code long[]} (one cache line per point, which is all a
 * trade touches); a point is "filled" once a later point or the clock
 * has passed it: minutes with no trade become blank points carrying the last price and average forward
 * (before the first trade: the previous close).
 */
public final class MinuteLine {
    private final TradingDaySchedule schedule;
    private final long preClose;
    private final int multiplier;
    private static final int W = 6; // price, volume, turnover, cumVolume, cumTurnover, traded
    private final long[] data;
    private final int points;
    /** Points 0..filled-1 are final; point {@code current} is being written. */
    private int current = -1;
    private int filled;
    private long dayVolume;
    private long dayTurnover;

    public MinuteLine(TradingDaySchedule schedule, long preClose, int multiplier) {
        this.schedule = schedule;
        this.preClose = preClose;
        this.multiplier = multiplier;
        this.points = schedule.minutePoints();
        this.data = new long[points * W];
    }

    public LocalDate tradingDay() {
        return schedule.tradingDay();
    }

    public int size() {
        return points;
    }

    /** Index of the point being written, -1 before the first trade. */
    public int currentIndex() {
        return current;
    }

    /**
     * Adds a trade (or snapshot difference) at point {@code point}. A point earlier than the current one
     * folds into the current one (late auction print); callers reject events older than the bar grid.
     */
    public void add(int point, long px, long qty, long amount) {
        if (point < current) {
            point = current;
        }
        if (point > current) {
            moveTo(point);
        }
        int o = point * W;
        dayVolume += qty;
        dayTurnover += amount;
        data[o] = px;
        data[o + 1] += qty;
        data[o + 2] += amount;
        data[o + 3] = dayVolume;
        data[o + 4] = dayTurnover;
        data[o + 5] = 1;
    }

    /**
     * Adds a late print to point {@code point}, which may be final: its volume and turnover, and the cumulative
     * totals of it and every later point written, take the print; a point that was blank takes its price (the
     * only trade of its minute). Any point at or after the current one is an ordinary {@link #add}.
     */
    public void correct(int point, long px, long qty, long amount) {
        if (point >= current) {
            add(point, px, qty, amount);
            return;
        }
        int o = point * W;
        data[o + 1] += qty;
        data[o + 2] += amount;
        if (data[o + 5] == 0) {
            data[o] = px;
            data[o + 5] = 1;
        }
        int last = Math.max(current, filled - 1);
        for (int i = point; i <= last; i++) {
            data[i * W + 3] += qty;
            data[i * W + 4] += amount;
        }
        dayVolume += qty;
        dayTurnover += amount;
    }

    private void moveTo(int point) {
        carryForward(point - 1);
        filled = point;
        current = point;
        int o = point * W;
        data[o] = point > 0 ? data[o - W] : preClose;
        data[o + 3] = dayVolume;
        data[o + 4] = dayTurnover;
    }

    /** Writes blank points current+1..last, carrying the last price and the totals forward. */
    private void carryForward(int last) {
        long carryPrice = current >= 0 ? data[current * W] : preClose;
        for (int i = current + 1; i <= last; i++) {
            data[i * W] = carryPrice;
            data[i * W + 3] = dayVolume;
            data[i * W + 4] = dayTurnover;
        }
    }

    /**
     * Makes final every point whose minute ended at or before {@code time}: minutes with no trade become
     * blank points carrying the last price forward. Returns the number of final points.
     */
    public int fillUntil(long time) {
        int n = points;
        int due = filled - 1;
        while (due + 1 < n && schedule.minutePointTime(due + 1) <= time) {
            due++;
        }
        if (due < filled) {
            return filled;
        }
        if (due >= current) {
            if (due + 1 < n) {
                moveTo(due + 1);
            } else {
                carryForward(n - 1);
                current = n - 1;
            }
        }
        filled = due + 1;
        return filled;
    }

    /** Number of final points. */
    public int filledCount() {
        return filled;
    }

    /** Points up to and including the one being written. */
    public int availableCount() {
        return Math.max(current + 1, filled);
    }

    public long dayVolume() {
        return dayVolume;
    }

    public long dayTurnover() {
        return dayTurnover;
    }

    /** Average price from cumulative totals (futures: divided by the multiplier), minor units, half-up. */
    public long averagePrice(long cumVol, long cumTurn) {
        if (cumVol == 0) {
            return 0;
        }
        long denominator = cumVol * multiplier;
        return (cumTurn + denominator / 2) / denominator;
    }

    public MinutePoint point(int i) {
        int o = i * W;
        boolean written = i <= current || i < filled;
        long px = written ? data[o] : (current >= 0 ? data[current * W] : preClose);
        long cv = written ? data[o + 3] : dayVolume;
        long ct = written ? data[o + 4] : dayTurnover;
        return new MinutePoint(i, schedule.minutePointTime(i), px, written ? data[o + 1] : 0,
                written ? data[o + 2] : 0, averagePrice(cv, ct), cv, ct, data[o + 5] == 0);
    }

    /** The points written so far (final ones and the one in progress). */
    public List<MinutePoint> points() {
        int n = availableCount();
        List<MinutePoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(point(i));
        }
        return out;
    }

    /** All {@link #size()} points: unwritten future points are blank and carry the last price. */
    public List<MinutePoint> fullGrid() {
        List<MinutePoint> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            out.add(point(i));
        }
        return out;
    }
}
