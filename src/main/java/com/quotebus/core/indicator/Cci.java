package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code CCI(N)}: {@code (TYP − MA(TYP,N)) / (0.015 × AVEDEV(TYP,N))}, TYP = (H+L+C)/3. The mean
 * absolute deviation has no running form (every deviation changes with the mean), so each value is
 * O(N) over the window ring: 14 subtractions for the default; still allocation-free.
 */
final class Cci extends AbstractIndicator {
    private final LongWindow typ3;

    Cci(int n) {
        super("CCI", new int[] {n}, new String[] {"CCI"},
                "TYP = (H+L+C)/3; CCI = (TYP - MA(TYP," + n + ")) / (0.015 * AVEDEV(TYP," + n + ")), AVEDEV = mean"
                        + " absolute deviation from the mean; 0 when AVEDEV = 0; NaN before " + n + " bars");
        typ3 = new LongWindow(n);
    }

    private static long typ3(Bar bar) {
        return bar.high() + bar.low() + bar.close();
    }

    @Override
    void compute(Bar bar, double[] out) {
        if (!typ3.fullWithNext()) {
            out[0] = Double.NaN;
            return;
        }
        int n = typ3.period();
        long x3 = typ3(bar);
        double mean = yuan(typ3.sumWith(x3)) / (3.0 * n);
        double typ = yuan(x3) / 3.0;
        double dev = Math.abs(typ - mean);
        for (int i = 0; i < typ3.size(); i++) {
            dev += Math.abs(yuan(typ3.get(i)) / 3.0 - mean);
        }
        dev /= n;
        out[0] = dev == 0 ? 0 : (typ - mean) / (0.015 * dev);
    }

    @Override
    void advance(Bar bar, double[] values) {
        typ3.push(typ3(bar));
    }
}
