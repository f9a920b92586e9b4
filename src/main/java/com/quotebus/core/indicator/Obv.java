package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code OBV(M)}: on-balance volume, the running sum of ± volume by the close's direction, and its
 * M-bar mean. Bar 1 has no previous close and contributes 0 (TA-Lib's {@code obv} starts at the first
 * bar's volume instead; the two differ by that constant).
 */
final class Obv extends AbstractIndicator {
    private final LongWindow window;
    private long obv;
    private long prevClose;
    private boolean hasPrev;

    Obv(int m) {
        super("OBV", new int[] {m}, new String[] {"OBV", "MAOBV"},
                "OBV = SUM(IF(C>C', VOL, IF(C<C', -VOL, 0))) from bar 1, which counts 0 (no previous close);"
                        + " MAOBV = MA(OBV," + m + "); NaN before " + m + " bars; volume in the bar's unit");
        window = new LongWindow(m);
    }

    private long next(Bar bar) {
        if (!hasPrev || bar.close() == prevClose) {
            return obv;
        }
        return bar.close() > prevClose ? obv + bar.volume() : obv - bar.volume();
    }

    @Override
    void compute(Bar bar, double[] out) {
        long v = next(bar);
        out[0] = v;
        out[1] = window.fullWithNext() ? window.sumWith(v) / (double) window.period() : Double.NaN;
    }

    @Override
    void advance(Bar bar, double[] values) {
        obv = next(bar);
        window.push(obv);
        prevClose = bar.close();
        hasPrev = true;
    }
}
