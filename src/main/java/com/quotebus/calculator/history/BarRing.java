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
    private final int capacity;
    private long[] data;
    private int head; // index of the oldest bar
    private int size;

    public BarRing(String code, Period period, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("bar ring capacity must be > 0, was " + capacity);
        }
        this.code = code;
        this.period = period;
        this.capacity = capacity;
        this.data = new long[Math.min(capacity, 16) * W];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Appends a closed bar; when full, the oldest is dropped (it lives on in the history store). */
    public void add(Bar b) {
        int slots = data.length / W;
        if (size == slots && slots < capacity) {
            long[] grown = new long[Math.min(capacity, slots * 2) * W];
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, ((head + i) % slots) * W, grown, i * W, W);
            }
            data = grown;
            head = 0;
            slots = data.length / W;
        }
        int index;
        if (size < slots) {
            index = (head + size) % slots;
            size++;
        } else {
            index = head;
            head = (head + 1) % slots;
        }
        int o = index * W;
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
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        int o = ((head + i) % (data.length / W)) * W;
        return new Bar(code, period, LocalDate.ofEpochDay(data[o + 9]), data[o], data[o + 1], data[o + 2],
                data[o + 3], data[o + 4], data[o + 5], data[o + 6], data[o + 7], data[o + 8], true);
    }

    /** End time of the oldest bar held, or {@link Long#MAX_VALUE} when empty. */
    public long oldestEnd() {
        return size == 0 ? Long.MAX_VALUE : data[head * W + 1];
    }

    /**
     * Up to {@code count} bars with {@code end <= endInclusive}, oldest first (the newest {@code count}
     * such bars).
     */
    public List<Bar> latest(int count, long endInclusive) {
        int hi = size - 1;
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
