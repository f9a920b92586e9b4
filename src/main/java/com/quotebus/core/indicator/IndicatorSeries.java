package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;
import java.util.Arrays;
import java.util.List;

/**
 * An indicator computed over a list of bars, for queries.
 *
 * @param spec       name with parameters, e.g. {@code MACD(12,26,9)}
 * @param outputs    output names
 * @param convention the indicator's convention text, to echo in replies
 * @param ends       bar end times (epoch ms), one per bar
 * @param values     {@code values[output][bar]}, one column per output, NaN where not defined
 */
public record IndicatorSeries(String spec, String[] outputs, String convention, long[] ends, double[][] values) {

    /**
     * Feeds {@code bars} (oldest first) into a fresh {@code indicator}: closed bars are committed, a last
     * bar that is still in progress is evaluated without being committed.
     *
     * @throws IllegalArgumentException if the indicator has already seen bars, a bar other than the last
     *                                  is not closed, or end times do not increase
     */
    public static IndicatorSeries compute(Indicator indicator, List<Bar> bars) {
        if (indicator.committed() != 0) {
            throw new IllegalArgumentException(indicator.spec() + " has already committed " + indicator.committed()
                    + " bars; a series needs a fresh indicator");
        }
        String[] outputs = indicator.outputs();
        int n = bars.size();
        double[][] values = new double[outputs.length][n];
        long[] ends = new long[n];
        double[] row = new double[outputs.length];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            if (i > 0 && bar.end() <= ends[i - 1]) {
                throw new IllegalArgumentException("bar " + i + " ends at " + bar.end() + ", not after bar " + (i - 1)
                        + " (" + ends[i - 1] + ")");
            }
            if (bar.closed()) {
                indicator.commit(bar);
                indicator.values(row);
            } else if (i == n - 1) {
                indicator.evaluate(bar, row);
            } else {
                throw new IllegalArgumentException("bar " + i + " (end " + bar.end()
                        + ") is in progress; only the last bar may be");
            }
            ends[i] = bar.end();
            for (int o = 0; o < outputs.length; o++) {
                values[o][i] = row[o];
            }
        }
        return new IndicatorSeries(indicator.spec(), outputs, indicator.convention(), ends, values);
    }

    /** The column of {@code output}. */
    public double[] column(String output) {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i].equals(output)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(spec + " has no output '" + output + "' (has " + String.join(" ", outputs)
                + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorSeries s && spec.equals(s.spec) && Arrays.equals(outputs, s.outputs)
                && convention.equals(s.convention) && Arrays.equals(ends, s.ends) && Arrays.deepEquals(values, s.values);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return "IndicatorSeries[" + spec + " " + String.join(",", outputs) + " over " + ends.length + " bars]";
    }
}
