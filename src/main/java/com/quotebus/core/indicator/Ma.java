package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code MA(N1,N2,…)}: simple means of the last N closes; exact integer window sums. */
final class Ma extends AbstractIndicator {
    private final LongWindow[] windows;

    Ma(int[] periods) {
        super("MA", periods, Indicators.suffixed("MA", periods),
                "MAn = mean of the last n closes; NaN before n bars; prices in yuan");
        windows = LongWindow.of(periods);
    }

    @Override
    void compute(Bar bar, double[] out) {
        long c = bar.close();
        for (int i = 0; i < windows.length; i++) {
            LongWindow w = windows[i];
            out[i] = w.fullWithNext() ? yuanMean(w.sumWith(c), w.period()) : Double.NaN;
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        LongWindow.pushAll(windows, bar.close());
    }
}
