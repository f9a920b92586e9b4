package com.quotebus.core.indicator;

import static com.quotebus.core.indicator.RandomBars.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quotebus.core.kline.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conventions where 通达信 and TA-Lib disagree (seeds, first bar, flat ranges), on small examples
 * worked by hand; the expected values are written as the fractions of the hand calculation.
 */
class TerminalConventionsTest {
    private static final double NaN = Double.NaN;

    private static void assertColumn(IndicatorSeries s, String output, double... expected) {
        double[] actual = s.column(output);
        assertThat(actual).as(output).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s[%d]", output, i).isNaN();
            } else {
                assertThat(actual[i]).as("%s[%d]", output, i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    @Test
    void kdjSeedsWithTheFirstRsvAndGivesFiftyOnAFlatRange() {
        List<Bar> bars = List.of(
                yuan(0, 9.5, 10.0, 9.0, 9.5, 1),
                yuan(1, 9.5, 10.5, 9.5, 10.0, 1),
                yuan(2, 10.0, 11.0, 10.0, 10.5, 1),  // HHV 11, LLV 9    -> RSV (10.5-9)/2*100 = 75
                yuan(3, 10.5, 11.0, 10.5, 11.0, 1),  // HHV 11, LLV 9.5  -> RSV 100
                yuan(4, 11.0, 11.0, 11.0, 11.0, 1),  // HHV 11, LLV 10   -> RSV 100
                yuan(5, 11.0, 11.0, 11.0, 11.0, 1),  // HHV 11, LLV 10.5 -> RSV 100
                yuan(6, 11.0, 11.0, 11.0, 11.0, 1)); // HHV = LLV = 11   -> RSV 50
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("kdj", 3, 3, 3), bars);
        // K = (RSV + 2K')/3 and D = (K + 2D')/3, seeded K = D = 75 on bar 2.
        double k3 = 250.0 / 3, d3 = 700.0 / 9;
        double k4 = 800.0 / 9, d4 = 2200.0 / 27;
        double k5 = 2500.0 / 27, d5 = 2300.0 / 27;
        double k6 = 6350.0 / 81, d6 = 20150.0 / 243;
        assertColumn(s, "K", NaN, NaN, 75, k3, k4, k5, k6);
        assertColumn(s, "D", NaN, NaN, 75, d3, d4, d5, d6);
        assertColumn(s, "J", NaN, NaN, 75, 3 * k3 - 2 * d3, 3 * k4 - 2 * d4, 3 * k5 - 2 * d5, 3 * k6 - 2 * d6);
        assertThat(s.convention()).contains("seeded with the first RSV").contains("RSV = 50 when HHV = LLV");
    }

    @Test
    void rsiIsUndefinedOnTheFirstBarAndFiftyBeforeAnyChange() {
        List<Bar> bars = List.of(
                yuan(0, 10, 10, 10, 10.0, 1),
                yuan(1, 10, 10, 10, 10.0, 1),  // change 0: up = move = 0 -> 50
                yuan(2, 10, 11, 10, 10.5, 1),  // change +0.5: up = (0.5+0)/2, move = (0.5+0)/2 -> 100
                yuan(3, 10, 11, 10, 10.2, 1)); // change -0.3: up = (0+0.25)/2, move = (0.3+0.25)/2
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("RSI", 2), bars);
        assertColumn(s, "RSI2", NaN, 50, 100, 0.125 / 0.275 * 100);
    }

    @Test
    void macdIsZeroOnTheFirstBarAndFollowsSeededEmasAfter() {
        List<Bar> bars = List.of(yuan(0, 10, 10, 10, 10, 1), yuan(1, 11, 11, 11, 11, 1));
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("MACD"), bars);
        // EMA12 = (2*11 + 11*10)/13 = 132/13, EMA26 = (2*11 + 25*10)/27 = 272/27, DEA = (2*DIF + 8*0)/10.
        double dif = 132.0 / 13 - 272.0 / 27;
        assertColumn(s, "DIF", 0, dif);
        assertColumn(s, "DEA", 0, dif / 5);
        assertColumn(s, "MACD", 0, 2 * (dif - dif / 5));
    }

    @Test
    void obvCountsNothingOnTheFirstBarAndNothingOnAnUnchangedClose() {
        List<Bar> bars = List.of(
                yuan(0, 10, 10, 10, 10.0, 100),
                yuan(1, 10, 11, 10, 10.5, 200),
                yuan(2, 10, 11, 10, 10.5, 300),
                yuan(3, 10, 11, 10, 10.2, 400));
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("OBV", 2), bars);
        assertColumn(s, "OBV", 0, 200, 200, -200);
        assertColumn(s, "MAOBV", NaN, 100, 200, 0);
    }

    @Test
    void atrTakesHighMinusLowOnTheFirstBarAndASimpleMeanAfter() {
        List<Bar> bars = List.of(
                yuan(0, 10.0, 10.2, 9.8, 10.0, 1),   // 0.4
                yuan(1, 10.2, 10.6, 10.1, 10.5, 1),  // max(0.5, |10.0-10.6|, |10.0-10.1|) = 0.6
                yuan(2, 10.3, 10.4, 9.9, 10.0, 1));  // max(0.5, |10.5-10.4|, |10.5-9.9|) = 0.6
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("ATR", 2), bars);
        assertColumn(s, "MTR", 0.4, 0.6, 0.6);
        assertColumn(s, "ATR", NaN, 0.5, 0.6);
    }

    @Test
    void bollUsesTheSampleStandardDeviationAndCollapsesOnFlatCloses() {
        List<Bar> bars = List.of(
                yuan(0, 10, 10, 10, 10, 1),
                yuan(1, 11, 11, 11, 11, 1),
                yuan(2, 12, 12, 12, 12, 1),  // mean 11, sample std sqrt(2/2) = 1
                yuan(3, 12, 12, 12, 12, 1),  // 11,12,12: mean 35/3, sample var (4/9+1/9+1/9)/2 = 1/3
                yuan(4, 12, 12, 12, 12, 1),  // 12,12,12: std 0, bands on the mean
                yuan(5, 12, 12, 12, 12, 1));
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("BOLL", 3, 2), bars);
        double sd3 = Math.sqrt(1.0 / 3);
        assertColumn(s, "BOLL", NaN, NaN, 11, 35.0 / 3, 12, 12);
        assertColumn(s, "UB", NaN, NaN, 13, 35.0 / 3 + 2 * sd3, 12, 12);
        assertColumn(s, "LB", NaN, NaN, 9, 35.0 / 3 - 2 * sd3, 12, 12);
    }

    @Test
    void wrAndCciTakeTheirFlatRangeValues() {
        List<Bar> bars = List.of(
                yuan(0, 10, 10, 10, 10, 1), yuan(1, 10, 10, 10, 10, 1), yuan(2, 10, 10, 10, 10, 1),
                yuan(3, 10, 11, 9, 9.5, 1)); // window 2..3: HHV 11, LLV 9 -> WR (11-9.5)/2*100 = 75
        IndicatorSeries wr = IndicatorSeries.compute(Indicators.create("WR", 2), bars);
        assertColumn(wr, "WR2", NaN, 50, 50, 75);
        IndicatorSeries cci = IndicatorSeries.compute(Indicators.create("CCI", 2), bars);
        // Bar 3: TYP 9.5 and 10, mean 9.75, mean deviation 0.25 -> (9.5-9.75)/(0.015*0.25)
        assertColumn(cci, "CCI", NaN, 0, 0, -0.25 / (0.015 * 0.25));
    }
}
