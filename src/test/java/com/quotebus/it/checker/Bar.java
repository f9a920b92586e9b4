package com.quotebus.it.checker;

import java.util.List;

/**
 * A bar as docs/domain.md defines it: labelled by {@code end} (inclusive), {@code start} exclusive.
 */
public record Bar(long start, long end, long open, long high, long low, long close, long volume, long turnover) {

    /** The served row's first eight columns: [end, open, high, low, close, volume, turnover, start]. */
    public long[] row() {
        return new long[] {end, open, high, low, close, volume, turnover, start};
    }

    /**
     * A multi-day bar from its days in time order: first open, highest high, lowest low, last close, summed
     * volume and turnover, with the period's own start and end.
     */
    public static Bar fold(long start, long end, List<Bar> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days to fold");
        }
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        long turnover = 0;
        for (Bar d : days) {
            high = Math.max(high, d.high());
            low = Math.min(low, d.low());
            volume += d.volume();
            turnover += d.turnover();
        }
        return new Bar(start, end, days.get(0).open(), high, low, days.get(days.size() - 1).close(), volume, turnover);
    }
}
