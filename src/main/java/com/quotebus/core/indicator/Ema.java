package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code EMA(N1,N2,…)} of the close, seeded with the first close. */
final class Ema extends AbstractIndicator {
    private final Smoother[] smoothers;

    Ema(int[] periods) {
        super("EMA", periods, Indicators.suffixed("EMA", periods),
                "EMAn = (2*C + (n-1)*EMAn') / (n+1), seeded with the first close (defined from bar 1); prices in yuan");
        smoothers = new Smoother[periods.length];
        for (int i = 0; i < periods.length; i++) {
            smoothers[i] = Smoother.ema(periods[i]);
        }
    }

    @Override
    void compute(Bar bar, double[] out) {
        double c = yuan(bar.close());
        for (int i = 0; i < smoothers.length; i++) {
            out[i] = smoothers[i].peek(c);
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        double c = yuan(bar.close());
        for (Smoother s : smoothers) {
            s.push(c);
        }
    }
}
