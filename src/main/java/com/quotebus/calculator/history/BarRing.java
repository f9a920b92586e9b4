package com.quotebus.calculator.history;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent closed bars of one code and period, oldest first, in a bounded ring of primitive
 * columns (10 longs a bar; no object per bar). Storage grows in steps up to {@code capacity}, so a
 * symbol that trades little holds little. Not thread-safe.
 */
public final class BarRing {
    private static final int W = 10; // start end open high low close volume turnover oi tradingDay
    private final String code;
    private final Period period;
    private final LongRows rows;

    public BarRing(String code, Period period, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("bar ring capacity must be > 0, was " + capacity);
        }
        this.code = code;
        this.period = period;
        this.rows = new LongRows(W, capacity, 16);
    }

    public int size() {
        return rows.size();
    }

    public int capacity() {
        return rows.capacity();
    }

    /** Appends a closed bar; when full, the oldest is dropped (it lives on in the history store). */
    public void add(Bar b) {
        int o = rows.append();
        long[] data = rows.data();
        data[o] = b.start();
        data[o + 1] = b.end();
        data[o + 2] = b.open();
        data[o + 3] = b.high();
        data[o + 4] = b.low();
        data[o + 5] = b.close();
        data[o + 6] = b.volume();
        data[o + 7] = b.turnover();
        data[o + 8] = b.openInterest();
        data[o + 9] = b.tradingDay().toEpochDay();
    }

    /** The i-th bar, 0 = oldest. */
    public Bar get(int i) {
        int o = rows.offset(i);
        long[] data = rows.data();
        return new Bar(code, period, LocalDate.ofEpochDay(data[o + 9]), data[o], data[o + 1], data[o + 2],
                data[o + 3], data[o + 4], data[o + 5], data[o + 6], data[o + 7], data[o + 8], true);
    }

    /**
     * Folds a late print (a closed bar of that print alone, see {@code MarketListener.onBarCorrected}) into the
     * bar held with the same end: volume and turnover added, high and low extended. When no bar ended there (its
     * span had no other trade) the print's bar is inserted in time order. Returns the corrected bar, or null when
     * the bar is older than everything held (it lives only in the history store).
     */
    public Bar correct(Bar latePrint) {
        long[] data = rows.data();
        for (int i = rows.size() - 1; i >= 0; i--) {
            int o = rows.offset(i);
            long end = data[o + 1];
            if (end == latePrint.end()) {
                data[o + 3] = Math.max(data[o + 3], latePrint.high());
                data[o + 4] = Math.min(data[o + 4], latePrint.low());
                data[o + 6] += latePrint.volume();
                data[o + 7] += latePrint.turnover();
                return get(i);
            }
            if (end < latePrint.end()) {
                insertAfter(i, latePrint);
                return latePrint;
            }
        }
        if (rows.size() < rows.capacity()) {
            insertAfter(-1, latePrint); // older than all held, and nothing was dropped yet
            return latePrint;
        }
        return null;
    }

    /** Inserts {@code bar} after row {@code i} (-1: first), dropping the oldest row when full. */
    private void insertAfter(int i, Bar bar) {
        List<Bar> after = new ArrayList<>();
        for (int j = i + 1; j < rows.size(); j++) {
            after.add(get(j));
        }
        List<Bar> before = new ArrayList<>();
        for (int j = 0; j <= i; j++) {
            before.add(get(j));
        }
        rows.clear();
        before.forEach(this::add);
        add(bar);
        after.forEach(this::add);
    }

    /** End time of the oldest bar held, or {@link Long#MAX_VALUE} when empty. */
    public long oldestEnd() {
        return rows.size() == 0 ? Long.MAX_VALUE : rows.data()[rows.offset(0) + 1];
    }

    /**
     * Up to {@code count} bars with {@code end <= endInclusive}, oldest first (the newest {@code count}
     * such bars).
     */
    public List<Bar> latest(int count, long endInclusive) {
        int hi = rows.size() - 1;
        while (hi >= 0 && get(hi).end() > endInclusive) {
            hi--;
        }
        int lo = Math.max(0, hi - count + 1);
        List<Bar> out = new ArrayList<>(Math.max(0, hi - lo + 1));
        for (int i = lo; i <= hi; i++) {
            out.add(get(i));
        }
        return out;
    }
}
