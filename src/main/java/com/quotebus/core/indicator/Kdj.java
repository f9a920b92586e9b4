package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code KDJ(N,M1,M2)}. RSV needs a full N-bar window; K and D are seeded with the first RSV and the
 * first K (the pandas/MyTT and TA-Lib Metastock behaviour, not the fixed seed 50 some terminals use).
 * A flat range (HHV = LLV) gives RSV = 50: the close is both the top and the bottom of the range.
 */
final class Kdj extends AbstractIndicator {
    static final double FLAT_RSV = 50.0;

    private final ExtremeWindow highs;
    private final ExtremeWindow lows;
    private final Smoother k;
    private final Smoother d;

    Kdj(int n, int m1, int m2) {
        super("KDJ", new int[] {n, m1, m2}, new String[] {"K", "D", "J"},
                "RSV = (C - LLV(L," + n + ")) / (HHV(H," + n + ") - LLV(L," + n + ")) * 100, RSV = 50 when HHV = LLV;"
                        + " K = SMA(RSV," + m1 + ",1) seeded with the first RSV; D = SMA(K," + m2 + ",1) seeded with"
                        + " the first K; J = 3K - 2D; NaN before " + n + " bars");
        highs = ExtremeWindow.highest(n);
        lows = ExtremeWindow.lowest(n);
        k = Smoother.sma(m1, 1);
        d = Smoother.sma(m2, 1);
    }

    private double rsv(Bar bar) {
        if (!lows.fullWithNext()) {
            return Double.NaN;
        }
        long hh = highs.extremeWith(bar.high());
        long ll = lows.extremeWith(bar.low());
        return hh == ll ? FLAT_RSV : (bar.close() - ll) * 100.0 / (hh - ll);
    }

    @Override
    void compute(Bar bar, double[] out) {
        double rsv = rsv(bar);
        if (Double.isNaN(rsv)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            out[2] = Double.NaN;
            return;
        }
        double kv = k.peek(rsv);
        double dv = d.peek(kv);
        out[0] = kv;
        out[1] = dv;
        out[2] = 3 * kv - 2 * dv;
    }

    @Override
    void advance(Bar bar, double[] values) {
        if (!Double.isNaN(values[0])) {
            k.push(rsv(bar));
            d.push(values[0]);
        }
        highs.push(bar.high());
        lows.push(bar.low());
    }
}
