package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random-walk daily OHLCV bars in minor units (prices on a 0.01 yuan grid). */
final class RandomBars {
    static final long DAY_MS = 86_400_000L;
    static final long T0 = 1_700_000_000_000L;

    private RandomBars() {}

    /** {@code count} closed bars starting near {@code startYuan}. */
    static List<Bar> generate(long seed, int count, double startYuan) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>(count);
        long tick = 100; // 0.01 yuan
        long close = Math.round(startYuan * 100) * tick;
        for (int i = 0; i < count; i++) {
            long open = Math.max(tick, close + (random.nextLong(41) - 20) * tick * Math.max(1, close / 1_000_000));
            long next = Math.max(tick, open + (random.nextLong(81) - 40) * tick * Math.max(1, close / 1_000_000));
            long high = Math.max(open, next) + random.nextLong(30) * tick;
            long low = Math.max(tick, Math.min(open, next) - random.nextLong(30) * tick);
            long volume = 100 * (1 + random.nextLong(100_000));
            bars.add(bar(i, open, high, low, next, volume, true));
            close = next;
        }
        return bars;
    }

    static Bar bar(int index, long open, long high, long low, long close, long volume, boolean closed) {
        long end = T0 + index * DAY_MS;
        return new Bar("600000.SH", Period.DAY, LocalDate.of(2020, 1, 1).plusDays(index), end - DAY_MS, end, open,
                high, low, close, volume, close * volume, 0, closed);
    }

    /** A bar from yuan prices, for hand-worked examples. */
    static Bar yuan(int index, double open, double high, double low, double close, long volume) {
        return bar(index, Math.round(open * 10_000), Math.round(high * 10_000), Math.round(low * 10_000),
                Math.round(close * 10_000), volume, true);
    }

    static double[] closes(List<Bar> bars) {
        return bars.stream().mapToDouble(b -> b.close() / 10_000.0).toArray();
    }

    static double[] highs(List<Bar> bars) {
        return bars.stream().mapToDouble(b -> b.high() / 10_000.0).toArray();
    }

    static double[] lows(List<Bar> bars) {
        return bars.stream().mapToDouble(b -> b.low() / 10_000.0).toArray();
    }

    static double[] volumes(List<Bar> bars) {
        return bars.stream().mapToDouble(Bar::volume).toArray();
    }
}
