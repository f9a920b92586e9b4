package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Whole-series comparison: same NaN positions, values within 1e-9 (relative above magnitude 1). */
final class SeriesAssert {
    static final double TOLERANCE = 1e-9;

    private SeriesAssert() {}

    static void assertSeries(String label, double[] actual, double[] expected) {
        assertSeriesFrom(label, actual, expected, 0);
    }

    /** Compares from index {@code from} on (for oracles that only converge). */
    static void assertSeriesFrom(String label, double[] actual, double[] expected, int from) {
        assertThat(actual).as(label + " length").hasSameSizeAs(expected);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = from; i < actual.length; i++) {
            double a = actual[i];
            double e = expected[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) != Double.isNaN(a)) {
                    mismatches.add("[" + i + "] " + a + " vs " + e);
                }
                continue;
            }
            compared++;
            if (Math.abs(a - e) > TOLERANCE * Math.max(1, Math.abs(e))) {
                mismatches.add("[" + i + "] " + a + " vs " + e + " (diff " + (a - e) + ")");
            }
        }
        assertThat(mismatches).as(label + " mismatches (actual vs expected)").isEmpty();
        assertThat(compared).as(label + " defined values compared").isGreaterThan((actual.length - from) / 2);
    }
}
