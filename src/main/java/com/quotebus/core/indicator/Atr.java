package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code ATR(N)} as 通达信: a simple mean of the true range (TA-Lib's {@code atr} uses Wilder's
 * smoothing instead). True ranges are exact integers in minor units, so the window sum is exact.
 */
final class Atr extends AbstractIndicator {
    private final LongWindow ranges;
    private long prevClose;
    private boolean hasPrev;

    Atr(int n) {
        super("ATR", new int[] {n}, new String[] {"MTR", "ATR"},
                "MTR = MAX(H-L, ABS(C'-H), ABS(C'-L)), H-L on bar 1 (no previous close); ATR = MA(MTR," + n
                        + ") (simple mean, not Wilder); NaN before " + n + " bars; prices in yuan");
        ranges = new LongWindow(n);
    }

    private long trueRange(Bar bar) {
        long tr = bar.high() - bar.low();
        if (hasPrev) {
            tr = Math.max(tr, Math.max(Math.abs(prevClose - bar.high()), Math.abs(prevClose - bar.low())));
        }
        return tr;
    }

    @Override
    void compute(Bar bar, double[] out) {
        long tr = trueRange(bar);
        out[0] = yuan(tr);
        out[1] = ranges.fullWithNext() ? yuanMean(ranges.sumWith(tr), ranges.period()) : Double.NaN;
    }

    @Override
    void advance(Bar bar, double[] values) {
        ranges.push(trueRange(bar));
        prevClose = bar.close();
        hasPrev = true;
    }
}
