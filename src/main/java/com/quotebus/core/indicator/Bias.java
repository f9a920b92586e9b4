package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code BIAS(N1,N2,…)}: percentage distance of the close from its N-bar mean. */
final class Bias extends AbstractIndicator {
    private final LongWindow[] windows;

    Bias(int[] periods) {
        super("BIAS", periods, Indicators.suffixed("BIAS", periods),
                "BIASn = (C - MA(C,n)) / MA(C,n) * 100; 0 on a flat window; NaN before n bars");
        windows = LongWindow.of(periods);
    }

    @Override
    void compute(Bar bar, double[] out) {
        long c = bar.close();
        for (int i = 0; i < windows.length; i++) {
            LongWindow w = windows[i];
            if (w.fullWithNext()) {
                // (C − MA)/MA = (n·C − Σ)/Σ: an exact integer numerator, so a flat window gives exactly 0.
                long sum = w.sumWith(c);
                out[i] = (w.period() * c - sum) * 100.0 / sum;
            } else {
                out[i] = Double.NaN;
            }
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        LongWindow.pushAll(windows, bar.close());
    }
}
