package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code CCI(N)}: {@code (TYP − MA(TYP,N)) / (0.015 × AVEDEV(TYP,N))}, TYP = (H+L+C)/3.
 *
 * <p>Exact arithmetic: with {@code T = H+L+C} (integer minor units, 3·TYP) and {@code S} the window sum of
 * {@code T}, every deviation {@code TYP − MA} is {@code (N·T − S) / 3N}, an integer over a common
 * denominator. So {@code CCI = N·(N·T − S) / (0.015 · Σ|N·Tᵢ − S|)} with integer numerator terms and an
 * integer sum of deviations: a window whose TYP is the same on every bar (e.g. H = L = C throughout) has
 * a deviation sum of exactly 0 and CCI = 0 — no epsilon, no sign from rounding noise. (Computed in
 * {@code double} yuan, TYP/3 and the mean round differently, and a flat window gave ±66.67.)
 *
 * <p>Bounds: N ≤ {@link Indicators#MAX_PERIOD}, T &lt; 3·10¹⁰ (prices below a million yuan), so
 * {@code |N·T − S| < 3·10¹³} and the deviation sum stays below 3·10¹⁶, well inside a {@code long}.
 *
 * <p>The mean absolute deviation has no running form (every deviation changes with the mean), so each
 * value is O(N) over the window ring: 14 subtractions for the default; still allocation-free.
 */
final class Cci extends AbstractIndicator {
    private final LongWindow typ3;

    Cci(int n) {
        super("CCI", new int[] {n}, new String[] {"CCI"},
                "TYP = (H+L+C)/3; CCI = (TYP - MA(TYP," + n + ")) / (0.015 * AVEDEV(TYP," + n + ")), AVEDEV = mean"
                        + " absolute deviation from the mean, computed exactly in minor units; 0 when AVEDEV = 0"
                        + " (the same TYP on every bar of the window, e.g. H = L = C); NaN before " + n + " bars");
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
        long n = typ3.period();
        long x3 = typ3(bar);
        long sum = typ3.sumWith(x3);
        long deviation = n * x3 - sum;
        long deviations = Math.abs(deviation);
        for (int i = 0; i < typ3.size(); i++) {
            deviations += Math.abs(n * typ3.get(i) - sum);
        }
        out[0] = deviations == 0 ? 0 : n * (double) deviation / (0.015 * deviations);
    }

    @Override
    void advance(Bar bar, double[] values) {
        typ3.push(typ3(bar));
    }
}
