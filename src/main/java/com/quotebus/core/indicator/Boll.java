package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code BOLL(N,K)}: mid = MA(C,N), bands at ± K sample standard deviations (n − 1, as 通达信 STD). */
final class Boll extends AbstractIndicator {
    private final LongWindow sums;
    private final VarianceWindow variance;
    private final double width;

    Boll(int n, int k) {
        super("BOLL", new int[] {n, k}, new String[] {"BOLL", "UB", "LB"},
                "BOLL = MA(C," + n + "); UB = BOLL + " + k + "*STD(C," + n + "); LB = BOLL - " + k + "*STD(C," + n
                        + "); STD is the sample standard deviation (n-1); NaN before " + n + " bars; prices in yuan");
        sums = new LongWindow(n);
        variance = new VarianceWindow(n);
        width = k;
    }

    @Override
    void compute(Bar bar, double[] out) {
        if (!sums.fullWithNext()) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            out[2] = Double.NaN;
            return;
        }
        double mid = yuanMean(sums.sumWith(bar.close()), sums.period());
        double band = width * Math.sqrt(variance.sampleVarianceWith(yuan(bar.close())));
        out[0] = mid;
        out[1] = mid + band;
        out[2] = mid - band;
    }

    @Override
    void advance(Bar bar, double[] values) {
        sums.push(bar.close());
        variance.push(yuan(bar.close()));
    }
}
