package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code MACD(SHORT,LONG,MID)}: DIF, DEA and the histogram ×2, all EMAs seeded with their first input. */
final class Macd extends AbstractIndicator {
    private final Smoother fast;
    private final Smoother slow;
    private final Smoother signal;

    Macd(int shortPeriod, int longPeriod, int mid) {
        super("MACD", new int[] {shortPeriod, longPeriod, mid}, new String[] {"DIF", "DEA", "MACD"},
                "DIF = EMA(C," + shortPeriod + ") - EMA(C," + longPeriod + "); DEA = EMA(DIF," + mid
                        + "); MACD = 2*(DIF-DEA); every EMA seeded with its first input (DIF = 0 on bar 1);"
                        + " prices in yuan");
        fast = Smoother.ema(shortPeriod);
        slow = Smoother.ema(longPeriod);
        signal = Smoother.ema(mid);
    }

    @Override
    void compute(Bar bar, double[] out) {
        double c = yuan(bar.close());
        double dif = fast.peek(c) - slow.peek(c);
        double dea = signal.peek(dif);
        out[0] = dif;
        out[1] = dea;
        out[2] = 2 * (dif - dea);
    }

    @Override
    void advance(Bar bar, double[] values) {
        double c = yuan(bar.close());
        fast.push(c);
        slow.push(c);
        signal.push(values[0]);
    }
}
