package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quotebus.core.kline.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows without movement (H = L = C throughout, or closes that do not change): every indicator that
 * divides by a range, a deviation or a mean move gives its documented value exactly, whatever the
 * price level. Floating point used to leave rounding noise where the exact value is 0, and CCI divided
 * that noise by itself: ±66.67 on 36% of flat price levels, the sign decided by rounding.
 */
class FlatWindowTest {
    /** Price levels in minor units from 1 to ~100 yuan, in a step that hits many rounding cases. */
    private static List<Long> priceLevels() {
        List<Long> levels = new ArrayList<>();
        for (long p = 10_000; p < 1_000_000; p += 37 * 97) {
            levels.add(p);
        }
        levels.add(1L);
        levels.add(1_000_000_000L); // 100,000 yuan, e.g. a nickel future
        return levels;
    }

    private static Bar flat(int index, long price, long volume) {
        return RandomBars.bar(index, price, price, price, price, volume, true);
    }

    private static List<Bar> flatSeries(long price, int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(flat(i, price, 1_000 + i));
        }
        return bars;
    }

    /** {@code prefix} random bars, then {@code flat} bars at {@code price}. */
    private static List<Bar> randomThenFlat(long seed, int prefix, long price, int flat) {
        List<Bar> bars = new ArrayList<>(RandomBars.generate(seed, prefix, price / 10_000.0));
        for (int i = 0; i < flat; i++) {
            bars.add(flat(prefix + i, price, 500));
        }
        return bars;
    }

    @Test
    void cciIsExactlyZeroOnEveryFlatWindow() {
        int wrong = 0;
        int checked = 0;
        for (long price : priceLevels()) {
            for (int n : new int[] {2, 14, 20, 1000}) {
                double[] cci = IndicatorSeries.compute(Indicators.create("CCI", n), flatSeries(price, n + 5))
                        .column("CCI");
                for (int i = n - 1; i < cci.length; i++) {
                    checked++;
                    if (cci[i] != 0 || Double.doubleToRawLongBits(cci[i]) != 0) {
                        wrong++;
                    }
                }
            }
        }
        assertThat(wrong).as("flat CCI windows not exactly +0 of " + checked).isZero();
    }

    @Test
    void cciIsZeroWhenTheTypicalPriceIsFlatThoughHighAndLowMove() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long spread = 100L * (i % 5);
            // H + L + C = 3 × 10.3700 yuan on every bar
            bars.add(RandomBars.bar(i, 103_700, 103_700 + spread, 103_700 - spread, 103_700, 10, true));
        }
        double[] cci = IndicatorSeries.compute(Indicators.create("CCI", 14), bars).column("CCI");
        for (int i = 13; i < cci.length; i++) {
            assertThat(cci[i]).as("CCI[%d]", i).isZero();
        }
    }

    @Test
    void windowedIndicatorsTakeTheirFlatValuesOnceTheWindowIsFlatAfterMovement() {
        for (long price : new long[] {103_700, 1_234_567, 99_999, 51_300}) {
            List<Bar> bars = randomThenFlat(price, 60, price, 40);
            double p = price / 10_000.0;
            IndicatorSeries cci = IndicatorSeries.compute(Indicators.create("CCI", 14), bars);
            IndicatorSeries boll = IndicatorSeries.compute(Indicators.create("BOLL", 20, 2), bars);
            IndicatorSeries ma = IndicatorSeries.compute(Indicators.create("MA", 5, 20), bars);
            IndicatorSeries bias = IndicatorSeries.compute(Indicators.create("BIAS", 6, 24), bars);
            IndicatorSeries wr = IndicatorSeries.compute(Indicators.create("WR", 10), bars);
            IndicatorSeries atr = IndicatorSeries.compute(Indicators.create("ATR", 14), bars);
            // First bar whose N-window is entirely flat: 60 + N - 1 (bar 59 is random, its close may differ).
            for (int i = 60 + 24; i < bars.size(); i++) {
                String at = "price " + p + " bar " + i;
                assertThat(cci.column("CCI")[i]).as("CCI " + at).isZero();
                assertThat(boll.column("BOLL")[i]).as("BOLL " + at).isEqualTo(p);
                assertThat(boll.column("UB")[i]).as("UB " + at).isEqualTo(p);
                assertThat(boll.column("LB")[i]).as("LB " + at).isEqualTo(p);
                assertThat(ma.column("MA5")[i]).as("MA5 " + at).isEqualTo(p);
                assertThat(ma.column("MA20")[i]).as("MA20 " + at).isEqualTo(p);
                assertThat(bias.column("BIAS6")[i]).as("BIAS6 " + at).isZero();
                assertThat(bias.column("BIAS24")[i]).as("BIAS24 " + at).isZero();
                assertThat(wr.column("WR10")[i]).as("WR10 " + at).isEqualTo(Wr.FLAT_WR);
                assertThat(atr.column("ATR")[i]).as("ATR " + at).isZero();
            }
            // The bar before the CCI window is flat still has a deviation: not forced to 0.
            assertThat(cci.column("CCI")[60 + 12]).as("CCI with one moved bar in the window").isNotZero();
        }
    }

    /**
     * Every indicator on a series flat from its first bar, at many price levels: exactly the documented
     * value from the first bar where it is defined (volumes grow by one a bar, so VOL is not flat).
     */
    @Test
    void everyIndicatorHasItsDocumentedValueOnASeriesFlatFromTheStart() {
        int bars = 80;
        for (long price : priceLevels()) {
            double p = price / 10_000.0;
            List<Bar> series = flatSeries(price, bars);
            Map<String, double[]> expected = Map.ofEntries(
                    Map.entry("MA(5,10,20,60)", new double[] {p, p, p, p}),
                    Map.entry("EMA(12,26)", new double[] {p, p}),
                    Map.entry("MACD(12,26,9)", new double[] {0, 0, 0}),
                    Map.entry("KDJ(9,3,3)", new double[] {50, 50, 50}),
                    Map.entry("RSI(6,12,24)", new double[] {50, 50, 50}),
                    Map.entry("BOLL(20,2)", new double[] {p, p, p}),
                    Map.entry("BIAS(6,12,24)", new double[] {0, 0, 0}),
                    Map.entry("WR(10,6)", new double[] {50, 50}),
                    Map.entry("CCI(14)", new double[] {0}),
                    Map.entry("ATR(14)", new double[] {0, 0}),
                    Map.entry("OBV(30)", new double[] {0, 0}),
                    Map.entry("DMI(14,6)", new double[] {0, 0, 0, 0}),
                    Map.entry("SAR(2,20)", new double[] {p}));
            for (String name : Indicators.names()) {
                if (name.equals("VOL") || name.equals("MAVOL")) {
                    continue;
                }
                IndicatorSeries s = IndicatorSeries.compute(Indicators.create(name), series);
                double[] want = expected.get(s.spec());
                assertThat(want).as("expected values for " + s.spec()).isNotNull();
                for (int o = 0; o < want.length; o++) {
                    double[] column = s.values()[o];
                    // The last bar is defined for every default window (the longest, MA60, needs 60 bars).
                    assertThat(column[bars - 1]).as("%s %s at %s", s.spec(), s.outputs()[o], p).isEqualTo(want[o]);
                    for (int i = 0; i < bars; i++) {
                        if (!Double.isNaN(column[i])) {
                            assertThat(column[i]).as("%s %s[%d] at %s", s.spec(), s.outputs()[o], i, p)
                                    .isEqualTo(want[o]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rsiHoldsItsLastValueThroughAFlatStretchAndIsFiftyOnceTheMovesHaveDecayedAway() {
        List<Bar> bars = new ArrayList<>();
        bars.add(RandomBars.yuan(0, 10, 10, 10, 10.0, 1));
        bars.add(RandomBars.yuan(1, 10, 10, 10, 10.3, 1)); // +0.3
        bars.add(RandomBars.yuan(2, 10, 10, 10, 10.2, 1)); // -0.1: up = 0.15, move = 0.2 -> 75
        for (int i = 3; i < 1_300; i++) {
            bars.add(RandomBars.yuan(i, 10.2, 10.2, 10.2, 10.2, 1));
        }
        double[] rsi = IndicatorSeries.compute(Indicators.create("RSI", 2), bars).column("RSI2");
        assertThat(rsi[2]).isCloseTo(75.0, within(1e-12));
        // Both averages halve on every unchanged close: the ratio stays while they are normal doubles.
        for (int i = 3; i < 1_000; i++) {
            assertThat(rsi[i]).as("RSI2[%d]", i).isEqualTo(rsi[2]);
        }
        // 0.2 × 2^-k < 2^-1022 from k ≈ 1020 on: the ratio of subnormals is noise, RSI is 50 as for no change.
        for (int i = 1_030; i < rsi.length; i++) {
            assertThat(rsi[i]).as("RSI2[%d]", i).isEqualTo(Rsi.NO_CHANGE_RSI);
        }
    }

    @Test
    void kdjAndWrTakeFiftyOnAFlatRangeAfterMovement() {
        List<Bar> bars = randomThenFlat(7, 30, 87_600, 20);
        double[] wr = IndicatorSeries.compute(Indicators.create("WR", 9), bars).column("WR9");
        IndicatorSeries kdj = IndicatorSeries.compute(Indicators.create("KDJ", 9, 1, 1), bars);
        // With M1 = M2 = 1, K = D = J = RSV: the RSV itself is visible.
        for (int i = 30 + 9; i < bars.size(); i++) {
            assertThat(wr[i]).as("WR9[%d]", i).isEqualTo(Wr.FLAT_WR);
            assertThat(kdj.column("K")[i]).as("RSV[%d]", i).isEqualTo(Kdj.FLAT_RSV);
            assertThat(kdj.column("J")[i]).as("J[%d]", i).isEqualTo(Kdj.FLAT_RSV);
        }
    }
}
