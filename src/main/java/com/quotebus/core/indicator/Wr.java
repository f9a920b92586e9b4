package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code WR(N1,N2,…)}: Williams %R as 通达信 shows it, 0 (close at the high) to 100 (close at the low),
 * i.e. the negative of TA-Lib's {@code willR}. A flat range gives 50, as KDJ's RSV does.
 */
final class Wr extends AbstractIndicator {
    static final double FLAT_WR = 50.0;

    private final ExtremeWindow[] highs;
    private final ExtremeWindow[] lows;

    Wr(int[] periods) {
        super("WR", periods, Indicators.suffixed("WR", periods),
                "WRn = (HHV(H,n) - C) / (HHV(H,n) - LLV(L,n)) * 100 (0 = close at the high, 100 = at the low);"
                        + " 50 when HHV = LLV; NaN before n bars");
        highs = new ExtremeWindow[periods.length];
        lows = new ExtremeWindow[periods.length];
        for (int i = 0; i < periods.length; i++) {
            highs[i] = ExtremeWindow.highest(periods[i]);
            lows[i] = ExtremeWindow.lowest(periods[i]);
        }
    }

    @Override
    void compute(Bar bar, double[] out) {
        for (int i = 0; i < highs.length; i++) {
            if (!highs[i].fullWithNext()) {
                out[i] = Double.NaN;
                continue;
            }
            long hh = highs[i].extremeWith(bar.high());
            long ll = lows[i].extremeWith(bar.low());
            out[i] = hh == ll ? FLAT_WR : (hh - bar.close()) * 100.0 / (hh - ll);
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        for (int i = 0; i < highs.length; i++) {
            highs[i].push(bar.high());
            lows[i].push(bar.low());
        }
    }
}
